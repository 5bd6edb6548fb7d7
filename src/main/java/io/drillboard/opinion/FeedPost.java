package io.drillboard.opinion;

/**
 * A post as the simulated media feed shows it: where and when, its tone and kind ({@code post}, {@code repost},
 * {@code comment}, or {@code statement} for the bank's own), its synthetic author, the post it answers (or null) and
 * its text in the scenario's language and in English (null: the same).
 */
public record FeedPost(String id, long at, String platform, String sentiment, String kind, String author,
    String parentId, String parentAuthor, String text, String textEn) {
  public static final String STATEMENT = "statement";
}
