package io.drillboard.scenario;

import io.drillboard.scenario.Scenario.Label;
import java.util.Map;

/** Display names for the platform and channel ids that scenarios commonly use: a scenario need not name these. */
final class BuiltInLabels {
  static final Map<String, Label> PLATFORMS = Map.of(
      "wechat", new Label("微信", "WeChat"),
      "weibo", new Label("微博", "Weibo"),
      "douyin", new Label("抖音", "Douyin"),
      "news", new Label("新闻网站", "News sites"),
      "xiaohongshu", new Label("小红书", "Xiaohongshu"),
      "kuaishou", new Label("快手", "Kuaishou"),
      "toutiao", new Label("今日头条", "Toutiao"),
      "bilibili", new Label("哔哩哔哩", "Bilibili"),
      "zhihu", new Label("知乎", "Zhihu"),
      "forum", new Label("论坛", "Forums"));

  static final Map<String, Label> CHANNELS = Map.ofEntries(
      Map.entry("branch", new Label("网点", "Branch")),
      Map.entry("social", new Label("社交媒体", "Social media")),
      Map.entry("internal", new Label("内部", "Internal")),
      Map.entry("media", new Label("媒体", "Media")),
      Map.entry("meeting", new Label("会议", "Meeting")),
      Map.entry("notice", new Label("通知", "Notice")),
      Map.entry("phone", new Label("电话", "Phone")),
      Map.entry("email", new Label("邮件", "Email")),
      Map.entry("regulator", new Label("监管", "Regulator")),
      Map.entry("hotline", new Label("客服热线", "Hotline")),
      Map.entry("news", new Label("新闻", "News")));

  private BuiltInLabels() {
  }
}
