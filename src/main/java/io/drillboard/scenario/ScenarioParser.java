package io.drillboard.scenario;

import io.drillboard.scenario.Scenario.Anchor;
import io.drillboard.scenario.Scenario.Condition;
import io.drillboard.scenario.Scenario.Contingency;
import io.drillboard.scenario.Scenario.Criterion;
import io.drillboard.scenario.Scenario.Inject;
import io.drillboard.scenario.Scenario.Feed;
import io.drillboard.scenario.Scenario.Official;
import io.drillboard.scenario.Scenario.Template;
import io.drillboard.scenario.Scenario.Twin;
import io.drillboard.scenario.Scenario.InjectOpinion;
import io.drillboard.scenario.Scenario.Kernel;
import io.drillboard.scenario.Scenario.Label;
import io.drillboard.scenario.Scenario.Labels;
import io.drillboard.scenario.Scenario.Measure;
import io.drillboard.scenario.Scenario.Objective;
import io.drillboard.scenario.Scenario.OpinionEffect;
import io.drillboard.scenario.Scenario.OpinionParameters;
import io.drillboard.scenario.Scenario.Script;
import io.drillboard.scenario.Scenario.Sentiment;
import io.drillboard.scenario.Scenario.ShortName;
import io.drillboard.scenario.Scenario.Task;
import io.drillboard.scenario.Scenario.TaskStep;
import io.drillboard.scenario.Scenario.Team;
import io.drillboard.scenario.Scenario.Trigger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads a scenario file and checks it whole: a scenario is either runnable or refused with every problem named. */
public final class ScenarioParser {
  private static final Set<String> TOP_KEYS = Set.of("id", "version", "title", "titleEn", "description",
      "descriptionEn", "language", "clock", "objectives", "teams", "injects", "criteria", "opinion", "labels", "feed");
  /** What a feed template may put in besides the scenario's own values. */
  static final Set<String> FEED_BUILT_INS = Set.of("platform", "time");
  private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{([A-Za-z][A-Za-z0-9-]*)}");
  private static final Set<String> TEMPLATE_KINDS = Set.of("post", "repost", "comment", "reply");
  private static final Set<String> TEAM_KEYS = Set.of("id", "name", "nameEn", "short", "shortEn", "lead", "tasks");
  private static final Set<String> TASK_KEYS = Set.of("id", "title", "titleEn", "short", "shortEn", "trigger",
      "deadline", "critical", "objectives", "script", "effect");
  private static final Set<String> INJECT_KEYS = Set.of("id", "at", "channel", "title", "titleEn", "short", "shortEn",
      "text", "textEn", "opinion", "when", "delay", "held");
  /** The keys of an inject's condition: one names what it waits for, the others qualify it. */
  private static final Set<String> CONDITION_KEYS = Set.of("taskOverdue", "taskReached", "step", "criterionMissed",
      "postsOver", "negativeShareOver", "within", "platform");
  private static final List<String> CONDITION_KINDS = List.of("taskOverdue", "taskReached", "criterionMissed",
      "postsOver", "negativeShareOver");
  private static final Set<String> CRITERION_KEYS = Set.of("id", "name", "nameEn", "short", "shortEn", "objective",
      "measure", "from", "to", "target", "event", "team");
  /** The longest short names, in characters: what a wall screen's narrowest column holds on one or two lines. */
  static final int MAX_SHORT = 12;
  static final int MAX_SHORT_EN = 24;
  private static final Set<String> OPINION_KEYS = Set.of("kernel", "branchingRatio", "timescale", "theta", "platforms",
      "stickiness", "sentiment", "kinds");

  /** Injects a director adds during a drill are numbered adhoc-1, adhoc-2, ...; scenarios may not use these ids. */
  public static final String AD_HOC_PREFIX = "adhoc-";

  private final List<String> problems = new ArrayList<>();

  private ScenarioParser() {
  }

  public static Scenario parse(String source) {
    return new ScenarioParser().read(source);
  }

  private Scenario read(String source) {
    Object document;
    try {
      document = StrictYaml.create().load(source);
    } catch (YAMLException e) {
      throw new ScenarioInvalidException(List.of("(file): not readable YAML: " + firstLine(e.getMessage())));
    }
    if (!(document instanceof Map<?, ?> map)) {
      throw new ScenarioInvalidException(List.of("(file): must be a YAML mapping with id, title, clock, teams, ..."));
    }
    YamlNode root = new YamlNode("", map, problems);
    root.rejectUnknownKeys(TOP_KEYS);
    String id = root.id("id");
    String language = Optional.ofNullable(root.optionalString("language")).orElse("zh");
    if (!language.equals("zh") && !language.equals("en")) {
      root.problem("language", "must be zh or en");
    }
    YamlNode clock = root.requiredMap("clock");
    long start = clock.requiredTime("start");
    long end = clock.requiredTime("end");
    if (end <= start && clock.has("start") && clock.has("end")) {
      clock.problem("end", "must be after clock.start");
    }
    List<Objective> objectives = root.mapList("objectives", false).stream()
        .map(o -> new Objective(o.id("id"), o.requiredString("text"), o.optionalString("textEn"))).toList();
    OpinionParameters opinion = opinion(root.requiredMap("opinion"));
    List<Inject> injects = root.mapList("injects", true).stream().map(i -> inject(i, start, end, opinion)).toList();
    List<YamlNode> teamNodes = root.mapList("teams", true);
    List<Team> teams = teamNodes.stream().map(t -> team(t, start, end)).toList();
    List<Criterion> criteria = root.mapList("criteria", false).stream().map(this::criterion).toList();
    Labels labels = labels(root.optionalMap("labels"), opinion, injects);

    Scenario scenario = new Scenario(id, root.requiredString("title"), root.optionalString("titleEn"),
        root.optionalString("description"), root.optionalString("descriptionEn"), language, start, end, objectives,
        teams, injects, criteria, opinion, labels, root.optionalMap("feed").map(f -> feed(f, opinion)), source);
    checkReferences(scenario, teamNodes, root);
    if (!problems.isEmpty()) {
      throw new ScenarioInvalidException(problems);
    }
    return scenario;
  }

  private static String firstLine(String message) {
    return message == null ? "unreadable" : message.strip().replaceAll("\\s+", " ");
  }

  private Team team(YamlNode node, long start, long end) {
    node.rejectUnknownKeys(TEAM_KEYS);
    String teamId = node.id("id");
    List<Task> tasks = node.mapList("tasks", false).stream().map(t -> task(t, teamId, start, end)).toList();
    return new Team(teamId, node.requiredString("name"), node.optionalString("nameEn"), shortName(node),
        node.optionalString("lead"), tasks);
  }

  private Task task(YamlNode node, String teamId, long start, long end) {
    node.rejectUnknownKeys(TASK_KEYS);
    long deadline = node.positiveDuration("deadline");
    return new Task(node.id("id"), teamId, node.requiredString("title"), node.optionalString("titleEn"),
        shortName(node), trigger(node.requiredMap("trigger")), deadline, node.bool("critical", false),
        node.stringList("objectives"),
        node.optionalMap("script").map(s -> script(s, start, end)), node.optionalMap("effect").map(this::effect));
  }

  private Trigger trigger(YamlNode node) {
    boolean onInject = node.has("inject");
    boolean afterTask = node.has("task");
    if (onInject == afterTask) {
      problems.add(node.path() + ": give exactly one of inject (an inject id) or task (a task id)");
      return new Trigger.OnInject("");
    }
    node.rejectUnknownKeys(Set.of("inject", "task"));
    return onInject ? new Trigger.OnInject(node.requiredString("inject"))
        : new Trigger.AfterTask(node.requiredString("task"));
  }

  private Script script(YamlNode node, long start, long end) {
    node.rejectUnknownKeys(Set.of("ack", "start", "done", "statement"));
    int before = problems.size();
    long done = node.requiredTime("done");
    long started = node.optionalTime("start", done);
    long ack = node.optionalTime("ack", started);
    boolean read = problems.size() == before;
    if (read && !(ack <= started && started <= done)) {
      problems.add(node.path() + ": must keep ack <= start <= done");
    }
    if (read && (ack < start || done > end)) {
      problems.add(node.path() + ": must lie within the clock (" + SimTime.format(start) + " to " + SimTime.format(end)
          + ")");
    }
    return new Script(ack, started, done, node.optionalMap("statement").map(statement -> {
      statement.rejectUnknownKeys(Set.of("text", "textEn"));
      return new Twin(statement.requiredString("text"), statement.optionalString("textEn"));
    }));
  }

  private OpinionEffect effect(YamlNode node) {
    node.rejectUnknownKeys(Set.of("branching", "sentimentShift"));
    return new OpinionEffect(node.number("branching", 1.0, 0, 1, true), node.number("sentimentShift", 0, 0, 1, false));
  }

  private Inject inject(YamlNode node, long start, long end, OpinionParameters opinion) {
    node.rejectUnknownKeys(INJECT_KEYS);
    boolean held = node.bool("held", false);
    if (held && (node.has("at") || node.has("when"))) {
      node.problem("held", "a held inject has neither at nor when: a director fires it by hand");
    } else if (!held && !node.has("at") && !node.has("when")) {
      node.problem("at", "is required (a time in quotes, such as \"09:30\" or \"D2 09:30\"), unless the inject has "
          + "a condition (when) or is held for a director to fire (held: true)");
    }
    int before = problems.size();
    OptionalLong at = node.has("at") ? OptionalLong.of(node.requiredTime("at")) : OptionalLong.empty();
    // A time that could not be read is reported once, not again as outside the clock.
    if (problems.size() == before && at.isPresent() && (at.getAsLong() < start || at.getAsLong() > end)) {
      node.problem("at", "must lie within the clock (" + SimTime.format(start) + " to " + SimTime.format(end) + ")");
    }
    if (node.has("delay") && !node.has("when")) {
      node.problem("delay", "only an inject with a condition (when) waits a delay");
    }
    Optional<Contingency> contingency = node.optionalMap("when")
        .map(when -> new Contingency(condition(when), node.has("delay") ? node.requiredDuration("delay") : 0));
    Optional<InjectOpinion> posts = node.optionalMap("opinion").map(o -> {
      o.rejectUnknownKeys(Set.of("posts", "platform", "spread"));
      String platform = o.requiredString("platform");
      if (!platform.isEmpty() && !opinion.platforms().isEmpty() && !opinion.platforms().containsKey(platform)) {
        o.problem("platform", "\"" + platform + "\" is not one of opinion.platforms " + opinion.platforms().keySet());
      }
      long spread = o.has("spread") ? o.requiredDuration("spread") : 0;
      return new InjectOpinion(o.requiredInt("posts", 0, 100_000), platform, spread);
    });
    String id = node.id("id");
    if (id.startsWith(AD_HOC_PREFIX)) {
      node.problem("id", "ids starting with \"" + AD_HOC_PREFIX + "\" are kept for injects added during a drill");
    }
    return new Inject(id, at, Optional.ofNullable(node.optionalString("channel")).orElse("notice"),
        node.requiredString("title"), node.optionalString("titleEn"), shortName(node), node.optionalString("text"),
        node.optionalString("textEn"), posts, contingency);
  }

  /** One of the condition kinds, with what qualifies it; the ids it names are checked with the other references. */
  private Condition condition(YamlNode node) {
    node.rejectUnknownKeys(CONDITION_KEYS);
    List<String> kinds = CONDITION_KINDS.stream().filter(node::has).toList();
    if (kinds.size() != 1) {
      problems.add(node.path() + ": give exactly one of " + String.join(", ", CONDITION_KINDS));
      return new Condition.TaskOverdue("");
    }
    String kind = kinds.get(0);
    boolean overOpinion = kind.equals("postsOver") || kind.equals("negativeShareOver");
    for (String qualifier : List.of("within", "platform")) {
      if (node.has(qualifier) && !overOpinion) {
        node.problem(qualifier, "qualifies postsOver or negativeShareOver only");
      }
    }
    if (node.has("step") && !kind.equals("taskReached")) {
      node.problem("step", "qualifies taskReached only");
    }
    return switch (kind) {
      case "taskOverdue" -> new Condition.TaskOverdue(node.requiredString(kind));
      case "taskReached" -> new Condition.TaskReached(node.requiredString(kind), taskStep(node, "step"));
      case "criterionMissed" -> new Condition.CriterionMissed(node.requiredString(kind));
      case "postsOver" -> new Condition.PostsOver(node.requiredInt(kind, 0, 10_000_000),
          node.positiveDuration("within"), node.optionalString("platform"));
      default -> new Condition.NegativeShareOver(node.number(kind, 0.5, 0, 1, true), node.positiveDuration("within"),
          node.optionalString("platform"));
    };
  }

  private Feed feed(YamlNode node, OpinionParameters opinion) {
    node.rejectUnknownKeys(Set.of("perMinute", "official", "values", "templates"));
    int perMinute = node.has("perMinute") ? node.requiredInt("perMinute", 1, 10) : 3;
    Optional<Official> official = node.optionalMap("official").map(o -> {
      o.rejectUnknownKeys(Set.of("name", "nameEn", "platform"));
      String platform = o.requiredString("platform");
      checkPlatform(o, "platform", platform, opinion);
      return new Official(o.requiredString("name"), o.optionalString("nameEn"), platform);
    });
    Map<String, Twin> values = new LinkedHashMap<>();
    node.optionalMap("values").ifPresent(v -> v.keys().forEach(key -> {
      YamlNode value = v.requiredMap(key);
      value.rejectUnknownKeys(Set.of("text", "textEn"));
      if (FEED_BUILT_INS.contains(key)) {
        v.problem(key, "is a built-in placeholder (" + String.join(", ", new java.util.TreeSet<>(FEED_BUILT_INS))
            + ") and cannot be given a value");
      }
      values.put(key, new Twin(value.requiredString("text"), value.optionalString("textEn")));
    }));
    List<Template> templates = node.mapList("templates", true).stream().map(t -> template(t, opinion, values))
        .toList();
    return new Feed(perMinute, official, Collections.unmodifiableMap(values), templates);
  }

  private Template template(YamlNode node, OpinionParameters opinion, Map<String, Twin> values) {
    node.rejectUnknownKeys(Set.of("platform", "sentiment", "kind", "text", "textEn"));
    String platform = node.optionalString("platform");
    if (platform != null) {
      checkPlatform(node, "platform", platform, opinion);
    }
    String sentimentName = node.optionalString("sentiment");
    Sentiment sentiment = null;
    if (sentimentName != null) {
      sentiment = java.util.Arrays.stream(Sentiment.values()).filter(v -> v.key().equals(sentimentName)).findFirst()
          .orElse(null);
      if (sentiment == null) {
        node.problem("sentiment", "must be negative, neutral or positive");
      }
    }
    String kind = node.optionalString("kind");
    if (kind != null && !TEMPLATE_KINDS.contains(kind)) {
      node.problem("kind", "must be one of " + String.join(", ", new java.util.TreeSet<>(TEMPLATE_KINDS)));
    }
    for (String key : List.of("text", "textEn")) {
      String text = key.equals("text") ? node.requiredString(key) : node.optionalString(key);
      java.util.regex.Matcher placeholder = PLACEHOLDER.matcher(text == null ? "" : text);
      while (placeholder.find()) {
        if (!values.containsKey(placeholder.group(1)) && !FEED_BUILT_INS.contains(placeholder.group(1))) {
          node.problem(key, "{" + placeholder.group(1) + "} is neither a built-in placeholder nor one of feed.values");
        }
      }
    }
    return new Template(platform, sentiment, kind, node.requiredString("text"), node.optionalString("textEn"));
  }

  private static void checkPlatform(YamlNode node, String key, String platform, OpinionParameters opinion) {
    if (!platform.isEmpty() && !opinion.platforms().containsKey(platform)) {
      node.problem(key, "\"" + platform + "\" is not one of opinion.platforms " + opinion.platforms().keySet());
    }
  }

  private Criterion criterion(YamlNode node) {
    node.rejectUnknownKeys(CRITERION_KEYS);
    String measureName = node.requiredString("measure");
    Measure measure = switch (measureName) {
      case "interval" -> new Measure.Interval(anchor(node, "from"), anchor(node, "to"), node.requiredDuration("target"));
      case "before-peak" -> new Measure.BeforePeak(anchor(node, "event"));
      case "tasks-on-time" -> new Measure.TasksOnTime(node.optionalString("team"));
      default -> {
        if (!measureName.isEmpty()) {
          node.problem("measure", "must be interval, before-peak or tasks-on-time, got \"" + measureName + "\"");
        }
        yield new Measure.TasksOnTime(null);
      }
    };
    return new Criterion(node.id("id"), node.requiredString("name"), node.optionalString("nameEn"), shortName(node),
        node.optionalString("objective"), measure);
  }

  private ShortName shortName(YamlNode node) {
    return new ShortName(shortText(node, "short", MAX_SHORT), shortText(node, "shortEn", MAX_SHORT_EN));
  }

  private static String shortText(YamlNode node, String key, int limit) {
    String text = node.optionalString(key);
    if (text == null) {
      return null;
    }
    if (text.isBlank()) {
      node.problem(key, "must not be blank (leave it out to let the wall shorten the full name)");
      return null;
    }
    if (text.codePointCount(0, text.length()) > limit) {
      node.problem(key, "is " + text.codePointCount(0, text.length()) + " characters long; a short name has at most "
          + limit + ", so that the wall shows it whole");
    }
    return text;
  }

  /**
   * The display name of every platform and channel the scenario uses: its own labels first, then the built-in ones,
   * then the id itself. A label for an id the scenario never uses is a typo, reported as such.
   */
  private Labels labels(Optional<YamlNode> node, OpinionParameters opinion, List<Inject> injects) {
    Set<String> platforms = new LinkedHashSet<>(opinion.platforms().keySet());
    injects.forEach(i -> i.opinion().ifPresent(o -> platforms.add(o.platform())));
    // An inject whose platform is missing stands for it with "" and is reported already: no label is due for it.
    platforms.remove("");
    Set<String> channels = new LinkedHashSet<>(injects.stream().map(Inject::channel).toList());
    node.ifPresent(n -> n.rejectUnknownKeys(Set.of("platforms", "channels")));
    return new Labels(
        labelsOf(node.flatMap(n -> n.optionalMap("platforms")), platforms, BuiltInLabels.PLATFORMS, "platform"),
        labelsOf(node.flatMap(n -> n.optionalMap("channels")), channels, BuiltInLabels.CHANNELS, "channel"));
  }

  private static Map<String, Label> labelsOf(Optional<YamlNode> node, Set<String> used, Map<String, Label> builtIn,
      String what) {
    Map<String, Label> given = new HashMap<>();
    node.ifPresent(n -> n.keys().forEach(key -> {
      YamlNode label = n.requiredMap(key);
      label.rejectUnknownKeys(Set.of("name", "nameEn"));
      if (!used.contains(key)) {
        n.problem(key, "no " + what + " of this scenario has the id \"" + key + "\" (it uses " + used + ")");
      }
      given.put(key, new Label(label.requiredString("name"), label.optionalString("nameEn")));
    }));
    Map<String, Label> labels = new LinkedHashMap<>();
    used.forEach(id -> labels.put(id, given.getOrDefault(id, builtIn.getOrDefault(id, new Label(id, null)))));
    return Collections.unmodifiableMap(labels);
  }

  private Anchor anchor(YamlNode parent, String key) {
    YamlNode node = parent.requiredMap(key);
    node.rejectUnknownKeys(Set.of("inject", "task", "at"));
    if (node.has("inject") == node.has("task")) {
      problems.add(node.path() + ": give exactly one of inject or task");
      return new Anchor.InjectFiredAt("");
    }
    if (node.has("inject")) {
      return new Anchor.InjectFiredAt(node.requiredString("inject"));
    }
    return new Anchor.TaskReached(node.requiredString("task"), taskStep(node, "at"));
  }

  /** A task's step named under {@code key}; done when left out. */
  private static TaskStep taskStep(YamlNode node, String key) {
    String step = Optional.ofNullable(node.optionalString(key)).orElse("done");
    return switch (step) {
      case "triggered" -> TaskStep.TRIGGERED;
      case "acknowledged" -> TaskStep.ACKNOWLEDGED;
      case "started" -> TaskStep.STARTED;
      case "done" -> TaskStep.DONE;
      default -> {
        node.problem(key, "must be triggered, acknowledged, started or done");
        yield TaskStep.DONE;
      }
    };
  }

  private OpinionParameters opinion(YamlNode node) {
    node.rejectUnknownKeys(OPINION_KEYS);
    String kernelName = Optional.ofNullable(node.optionalString("kernel")).orElse("powerlaw");
    Kernel kernel = switch (kernelName) {
      case "powerlaw" -> Kernel.POWERLAW;
      case "exponential" -> Kernel.EXPONENTIAL;
      default -> {
        node.problem("kernel", "must be powerlaw or exponential");
        yield Kernel.POWERLAW;
      }
    };
    double branching = node.number("branchingRatio", 0.8, 0, 0.99, true);
    long timescale = node.positiveDuration("timescale");
    double theta = node.number("theta", 0.8, 0, 10, true);
    Map<String, Double> platforms = node.weights("platforms");
    platforms.keySet().stream().filter(p -> !Ids.valid(p))
        .forEach(p -> node.problem("platforms", "\"" + p + "\" is not a valid platform name"));
    Map<String, Double> sentimentByName = node.weights("sentiment");
    Map<Sentiment, Double> sentiment = new EnumMap<>(Sentiment.class);
    for (Sentiment s : Sentiment.values()) {
      sentiment.put(s, sentimentByName.getOrDefault(s.key(), 0.0));
    }
    sentimentByName.keySet().stream().filter(k -> !Set.of("negative", "neutral", "positive").contains(k))
        .forEach(k -> node.problem("sentiment", "\"" + k + "\" is not one of negative, neutral, positive"));
    double repostShare = 0.6;
    if (node.has("kinds")) {
      Map<String, Double> kinds = node.weights("kinds");
      double total = kinds.getOrDefault("repost", 0.0) + kinds.getOrDefault("comment", 0.0);
      kinds.keySet().stream().filter(k -> !k.equals("repost") && !k.equals("comment"))
          .forEach(k -> node.problem("kinds", "\"" + k + "\" is not one of repost, comment"));
      repostShare = total > 0 ? kinds.getOrDefault("repost", 0.0) / total : repostShare;
    }
    return new OpinionParameters(kernel, branching, timescale, theta, platforms,
        node.number("stickiness", 0.75, 0, 1, false), sentiment, repostShare);
  }

  private void checkReferences(Scenario scenario, List<YamlNode> teamNodes, YamlNode root) {
    unique("objectives", scenario.objectives().stream().map(Objective::id).toList());
    unique("teams", scenario.teams().stream().map(Team::id).toList());
    unique("injects", scenario.injects().stream().map(Inject::id).toList());
    unique("criteria", scenario.criteria().stream().map(Criterion::id).toList());
    unique("tasks (across all teams)", scenario.tasks().stream().map(Task::id).toList());
    Set<String> injectIds = new HashSet<>(scenario.injects().stream().map(Inject::id).toList());
    Set<String> taskIds = new HashSet<>(scenario.tasks().stream().map(Task::id).toList());
    Set<String> objectiveIds = new HashSet<>(scenario.objectives().stream().map(Objective::id).toList());
    Set<String> teamIds = new HashSet<>(scenario.teams().stream().map(Team::id).toList());

    for (int t = 0; t < scenario.teams().size(); t++) {
      List<Task> tasks = scenario.teams().get(t).tasks();
      for (int k = 0; k < tasks.size(); k++) {
        String path = teamNodes.get(t).path() + ".tasks[" + k + "]";
        Task task = tasks.get(k);
        String triggerProblem = missingTriggerTarget(task.trigger(), injectIds, taskIds);
        if (triggerProblem != null) {
          problems.add(path + triggerProblem);
        }
        for (String objective : task.objectives()) {
          if (!objectiveIds.contains(objective)) {
            problems.add(path + ".objectives: no objective has the id \"" + objective + "\"");
          }
        }
      }
    }
    checkTriggerCycles(scenario);
    checkContingencies(scenario, taskIds);
    for (int c = 0; c < scenario.criteria().size(); c++) {
      Criterion criterion = scenario.criteria().get(c);
      String path = "criteria[" + c + "]";
      if (criterion.objectiveId() != null && !objectiveIds.contains(criterion.objectiveId())) {
        problems.add(path + ".objective: no objective has the id \"" + criterion.objectiveId() + "\"");
      }
      Measure measure = criterion.measure();
      if (measure instanceof Measure.Interval interval) {
        checkAnchor(path + ".from", interval.from(), injectIds, taskIds);
        checkAnchor(path + ".to", interval.to(), injectIds, taskIds);
      } else if (measure instanceof Measure.BeforePeak beforePeak) {
        checkAnchor(path + ".event", beforePeak.event(), injectIds, taskIds);
      } else if (measure instanceof Measure.TasksOnTime onTime && onTime.teamId() != null
          && !teamIds.contains(onTime.teamId())) {
        problems.add(path + ".team: no team has the id \"" + onTime.teamId() + "\"");
      }
    }
    if (scenario.teams().stream().allMatch(t -> t.tasks().isEmpty()) && !scenario.teams().isEmpty()) {
      root.problem("teams", "no team has a task: a drill needs at least one");
    }
  }

  private void checkAnchor(String path, Anchor anchor, Set<String> injectIds, Set<String> taskIds) {
    if (anchor instanceof Anchor.InjectFiredAt fired && !fired.injectId().isEmpty()
        && !injectIds.contains(fired.injectId())) {
      problems.add(path + ".inject: no inject has the id \"" + fired.injectId() + "\"");
    } else if (anchor instanceof Anchor.TaskReached reached && !reached.taskId().isEmpty()
        && !taskIds.contains(reached.taskId())) {
      problems.add(path + ".task: no task has the id \"" + reached.taskId() + "\"");
    }
  }

  /** A condition names tasks, criteria and platforms that exist, and can come true without its own inject firing. */
  private void checkContingencies(Scenario scenario, Set<String> taskIds) {
    Set<String> criterionIds = new HashSet<>(scenario.criteria().stream().map(Criterion::id).toList());
    for (int i = 0; i < scenario.injects().size(); i++) {
      String path = "injects[" + i + "].when";
      scenario.injects().get(i).contingency().map(Contingency::when).ifPresent(when -> {
        if (when instanceof Condition.TaskOverdue overdue) {
          checkId(path + ".taskOverdue", overdue.taskId(), taskIds, "task");
        } else if (when instanceof Condition.TaskReached reached) {
          checkId(path + ".taskReached", reached.taskId(), taskIds, "task");
        } else if (when instanceof Condition.CriterionMissed missed) {
          checkId(path + ".criterionMissed", missed.criterionId(), criterionIds, "criterion");
        } else {
          String platform = when instanceof Condition.PostsOver posts ? posts.platform()
              : ((Condition.NegativeShareOver) when).platform();
          if (platform != null && !scenario.opinion().platforms().containsKey(platform)) {
            problems.add(path + ".platform: \"" + platform + "\" is not one of opinion.platforms "
                + scenario.opinion().platforms().keySet());
          }
        }
      });
    }
    if (problems.isEmpty()) {
      List<String> never = new Contingencies(scenario).neverFiring();
      for (int i = 0; i < scenario.injects().size(); i++) {
        Inject inject = scenario.injects().get(i);
        if (never.contains(inject.id())) {
          problems.add("injects[" + i + "].when: inject \"" + inject.id() + "\" can never fire: its condition "
              + "can only follow from " + (never.size() == 1 ? "its own firing (a loop)"
              : "the firing of injects that wait on one another (a loop): " + String.join(", ", never)));
        }
      }
    }
  }

  private void checkId(String path, String id, Set<String> ids, String what) {
    if (!id.isEmpty() && !ids.contains(id)) {
      problems.add(path + ": no " + what + " has the id \"" + id + "\"");
    }
  }

  private static String missingTriggerTarget(Trigger trigger, Set<String> injectIds, Set<String> taskIds) {
    if (trigger instanceof Trigger.OnInject on && !on.injectId().isEmpty() && !injectIds.contains(on.injectId())) {
      return ".trigger.inject: no inject has the id \"" + on.injectId() + "\"";
    }
    if (trigger instanceof Trigger.AfterTask after && !after.taskId().isEmpty() && !taskIds.contains(after.taskId())) {
      return ".trigger.task: no task has the id \"" + after.taskId() + "\"";
    }
    return null;
  }

  /** Tasks triggered by other tasks must end in an inject, or they would never become pending. */
  private void checkTriggerCycles(Scenario scenario) {
    Map<String, String> after = new HashMap<>();
    for (Task task : scenario.tasks()) {
      if (task.trigger() instanceof Trigger.AfterTask a) {
        after.put(task.id(), a.taskId());
      }
    }
    Set<String> reported = new HashSet<>();
    for (String start : after.keySet()) {
      Set<String> seen = new HashSet<>();
      String current = start;
      while (current != null && seen.add(current)) {
        current = after.get(current);
      }
      if (current != null && seen.contains(current) && reported.add(current)) {
        problems.add("teams: the tasks " + String.join(" -> ", cycleFrom(current, after))
            + " trigger each other in a cycle, so none of them can ever start");
        reported.addAll(seen);
      }
    }
  }

  private static List<String> cycleFrom(String start, Map<String, String> after) {
    List<String> cycle = new ArrayList<>(List.of(start));
    for (String next = after.get(start); !next.equals(start); next = after.get(next)) {
      cycle.add(next);
    }
    cycle.add(start);
    return cycle;
  }

  private void unique(String what, List<String> ids) {
    Set<String> seen = new HashSet<>();
    for (String id : ids) {
      if (!id.isEmpty() && !seen.add(id)) {
        problems.add(what.split(" ")[0] + ": the id \"" + id + "\" is used twice in " + what.toLowerCase(Locale.ROOT));
      }
    }
  }
}
