package io.drillboard.opinion;

import io.drillboard.opinion.OpinionSimulation.Kind;
import io.drillboard.opinion.OpinionSimulation.Realised;
import io.drillboard.scenario.Scenario;
import io.drillboard.scenario.Scenario.Feed;
import io.drillboard.scenario.Scenario.Label;
import io.drillboard.scenario.Scenario.Official;
import io.drillboard.scenario.Scenario.Template;
import io.drillboard.scenario.SimTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives a bounded sample of the opinion model's posts a text, for the simulated media feed: each minute, up to the
 * scenario's {@code perMinute}, originals first, then replies to the bank's statement, then the most reposted. Every
 * choice (which template, which author) is drawn from the drill's seed and the post's number alone, apart from the
 * model's own draws, so the same drill gives the same feed and the opinion curve is untouched.
 */
public final class FeedWriter {
  /** How long after the bank's statement the reposts and comments on its platform are shown as answering it. */
  public static final long REPLY_WINDOW = SimTime.HOUR;
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9-]*)}");
  private static final List<String> ZH_MOODS = List.of("路过的", "爱喝茶的", "理性的", "早起的", "不吃香菜的",
      "快乐的", "较真的", "热心的", "深夜的", "佛系的");
  private static final List<String> ZH_NAMES = List.of("打工人", "小鱼", "观察员", "网友", "老张", "阿杰", "小王",
      "猫奴", "财经迷", "吃瓜群众");
  private static final List<String> EN_MOODS = List.of("quiet", "early", "curious", "sunny", "tired", "frank",
      "busy", "local", "night", "plain");
  private static final List<String> EN_NAMES = List.of("saver", "owl", "reader", "teacher", "commuter", "fan",
      "watcher", "cook", "runner", "neighbour");

  private final Scenario scenario;
  private final Feed feed;
  private final long seed;

  public FeedWriter(Scenario scenario, long seed) {
    this.scenario = scenario;
    this.feed = scenario.feed().orElseThrow();
    this.seed = seed;
  }

  /** The bank's statement as its official account posts it, when the scenario names one. */
  public Optional<FeedPost> statement(String taskId, long at, Scenario.Twin text) {
    return feed.official().map(official -> new FeedPost(statementId(taskId), at, official.platform(), "neutral",
        FeedPost.STATEMENT, official.name(), null, null, text.text(), text.textEn()));
  }

  public static String statementId(String taskId) {
    return "statement-" + taskId;
  }

  /**
   * The posts of one minute that the feed shows, with their texts. {@code statement} is the bank's latest statement
   * and when it was made, if any: reposts and comments on its platform within {@link #REPLY_WINDOW} answer it.
   */
  public List<FeedPost> write(List<Realised> posts, Optional<Statement> statement) {
    return posts.stream().sorted(Comparator.comparingInt((Realised p) -> rank(p, statement))
        .thenComparing(Comparator.comparingInt(Realised::children).reversed()).thenComparingLong(Realised::id))
        .map(post -> write(post, statement)).flatMap(Optional::stream).limit(feed.perMinute()).toList();
  }

  /** The bank's statement as the feed's later posts know it. */
  public record Statement(String id, String platform, long at) {
  }

  private static int rank(Realised post, Optional<Statement> statement) {
    return post.kind() == Kind.POST ? 0 : replies(post, statement) ? 1 : 2;
  }

  private static boolean replies(Realised post, Optional<Statement> statement) {
    return post.kind() != Kind.POST && statement.filter(s -> s.platform().equals(post.platform())
        && post.time() >= s.at() && post.time() < s.at() + REPLY_WINDOW).isPresent();
  }

  private Optional<FeedPost> write(Realised post, Optional<Statement> statement) {
    boolean reply = replies(post, statement);
    String kind = post.kind().name().toLowerCase(Locale.ROOT);
    List<Template> fitting = fitting(post, reply ? "reply" : kind);
    if (fitting.isEmpty() && reply) {
      fitting = fitting(post, kind);
    }
    if (fitting.isEmpty()) {
      return Optional.empty();
    }
    Template template = fitting.get(draw(post.id(), 1, fitting.size()));
    String parentId = reply ? statement.get().id() : post.parent() == OpinionSimulation.NO_PARENT ? null
        : "p" + post.parent();
    String parentAuthor = reply ? feed.official().map(Official::name).orElse(null)
        : parentId == null ? null : author(post.parent());
    return Optional.of(new FeedPost("p" + post.id(), post.time(), post.platform(), post.sentiment().key(), kind,
        author(post.id()), parentId, parentAuthor, fill(template.text(), post, false),
        template.textEn() == null ? null : fill(template.textEn(), post, true)));
  }

  private List<Template> fitting(Realised post, String kind) {
    return feed.templates().stream()
        .filter(t -> t.platform() == null || t.platform().equals(post.platform()))
        .filter(t -> t.sentiment() == null || t.sentiment() == post.sentiment())
        .filter(t -> t.kind() == null ? !kind.equals("reply") : t.kind().equals(kind)).toList();
  }

  /** A synthetic handle, the same for a post wherever it appears (as itself or as another's parent). */
  private String author(long postId) {
    boolean english = "en".equals(scenario.language());
    List<String> moods = english ? EN_MOODS : ZH_MOODS;
    List<String> names = english ? EN_NAMES : ZH_NAMES;
    String handle = moods.get(draw(postId, 2, moods.size())) + (english ? "_" : "")
        + names.get(draw(postId, 3, names.size())) + (10 + draw(postId, 4, 990));
    return handle;
  }

  private String fill(String template, Realised post, boolean english) {
    Matcher placeholder = PLACEHOLDER.matcher(template);
    StringBuilder text = new StringBuilder();
    while (placeholder.find()) {
      String key = placeholder.group(1);
      String value = switch (key) {
        case "platform" -> platformName(post.platform(), english);
        case "time" -> SimTime.format(post.time()).replaceFirst(":\\d\\d(\\.\\d+)?$", "");
        default -> {
          Scenario.Twin twin = feed.values().get(key);
          yield english && twin.textEn() != null ? twin.textEn() : twin.text();
        }
      };
      placeholder.appendReplacement(text, Matcher.quoteReplacement(value));
    }
    placeholder.appendTail(text);
    return text.toString();
  }

  private String platformName(String platform, boolean english) {
    Label label = scenario.labels().platforms().get(platform);
    return label == null ? platform : english && label.nameEn() != null ? label.nameEn() : label.name();
  }

  /** A number below {@code bound} drawn from the seed, the post and what it is for. */
  private int draw(long postId, int purpose, int bound) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + postId * 31 + purpose).nextInt(bound);
  }
}
