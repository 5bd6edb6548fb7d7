package io.drillboard.web;

import io.drillboard.drill.Command;
import io.drillboard.drill.Command.ControlAction;
import io.drillboard.drill.Command.Incoming;
import io.drillboard.drill.DrillNaming;
import io.drillboard.runtime.Drills;
import io.drillboard.drill.TaskState;
import io.drillboard.scenario.Scenario.InjectOpinion;
import io.drillboard.scenario.ScenarioCatalog;
import io.drillboard.scenario.SimTime;
import io.drillboard.store.DrillLifecycle;
import io.drillboard.store.EventReader;
import io.drillboard.view.DrillViews;
import io.drillboard.view.EventsJson;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The drill endpoints: create, read, steer the clock, fire injects, move tasks, and take injected events. */
final class DrillApi {
  private static final Pattern DRILL_ID = Pattern.compile("d[a-z0-9]{11}");
  private static final int DEFAULT_PAGE = 1_000;
  private static final int MAX_PAGE = 10_000;
  private static final int MAX_LABEL = 60;
  private static final int MAX_BROADCAST = 500;

  private final Drills drills;
  private final EventReader store;
  private final ScenarioCatalog catalog;
  private final IngestLimiter limiter;
  private final DrillViews views;

  DrillApi(Drills drills, EventReader store, ScenarioCatalog catalog, IngestLimiter limiter, DrillViews views) {
    this.drills = drills;
    this.views = views;
    this.store = store;
    this.catalog = catalog;
    this.limiter = limiter;
  }

  void create(RoutingContext ctx) {
    JsonObject body = Json.object(ctx);
    Json.onlyKeys(body, "scenarioId", "speed", "autopilot", "seed", "name", "place");
    List<String> errors = new ArrayList<>();
    String scenarioId = Json.string(body, "scenarioId", errors, true);
    double speed = Json.number(body, "speed", 60, errors);
    boolean autopilot = Json.bool(body, "autopilot", false, errors);
    Long seed = body.getValue("seed") == null ? null : Json.wholeNumber(body, "seed", errors);
    DrillNaming naming = new DrillNaming(label(body, "name", errors), label(body, "place", errors));
    Json.check(errors);
    drills.create(scenarioId, speed, autopilot, seed, naming, Caller.of(ctx).subject())
        .compose(created -> views.after(created.getString("id"), created))
        .onSuccess(view -> ctx.response().setStatusCode(201)
            .putHeader("Location", "/api/v1/drills/" + view.getString("id")).putHeader("Content-Type",
                "application/json").end(view.encode()))
        .onFailure(ctx::fail);
  }

  /** A drill's name or place: optional, trimmed, 1 to 60 characters without control characters. */
  private static String label(JsonObject body, String key, List<String> errors) {
    String text = Json.string(body, key, errors, false);
    if (text == null) {
      return null;
    }
    String trimmed = text.strip();
    if (trimmed.isEmpty() || trimmed.codePointCount(0, trimmed.length()) > MAX_LABEL
        || trimmed.codePoints().anyMatch(Character::isISOControl)) {
      errors.add(key + ": must be 1 to " + MAX_LABEL + " characters, without control characters");
      return null;
    }
    return trimmed;
  }

  /** POST archive / unarchive: hides an ended (or never started) drill from the lists, or shows it again. */
  void archive(RoutingContext ctx) {
    command(ctx, caller -> new Command.Archive(true, caller.subject()), 200);
  }

  void unarchive(RoutingContext ctx) {
    command(ctx, caller -> new Command.Archive(false, caller.subject()), 200);
  }

  /** POST broadcasts {text}: a message to every team, shown on the team desks and the wall. */
  void broadcast(RoutingContext ctx) {
    JsonObject body = Json.object(ctx);
    Json.onlyKeys(body, "text");
    List<String> errors = new ArrayList<>();
    String text = Json.string(body, "text", errors, true);
    if (text != null && (text.isBlank() || text.length() > MAX_BROADCAST)) {
      errors.add("text: must be 1 to " + MAX_BROADCAST + " characters");
    }
    Json.check(errors);
    command(ctx, caller -> new Command.Broadcast(text.strip(), caller.subject()), 201);
  }

  /** GET drills: every drill but the archived ones, or (?archived=true) the archived ones alone. */
  void list(RoutingContext ctx) {
    String archivedParam = ctx.queryParams().get("archived");
    if (archivedParam != null && !archivedParam.equals("true") && !archivedParam.equals("false")) {
      throw ProblemException.badRequest("archived must be true or false");
    }
    boolean archived = "true".equals(archivedParam);
    store.lifecycles().onSuccess(lifecycles -> {
      JsonArray list = new JsonArray();
      for (DrillLifecycle drill : lifecycles) {
        if (drill.archived() != archived) {
          continue;
        }
        list.add(new JsonObject().put("id", drill.drillId()).put("name", drill.name()).put("place", drill.place())
            .put("archived", drill.archived()).put("scenarioId", drill.scenarioId())
            .put("title", catalog.get(drill.scenarioId()).map(s -> s.title()).orElse(drill.scenarioId()))
            .put("titleEn", catalog.get(drill.scenarioId()).map(s -> s.titleEn()).orElse(null))
            .put("state", drill.status().key()).put("speed", drill.speed()).put("autopilot", drill.autopilot())
            .put("createdAt", drill.createdAt()));
      }
      Json.send(ctx, 200, new JsonObject().put("drills", list));
    }).onFailure(ctx::fail);
  }

  /** GET a drill: its view as this node holds it, never asked of the drill itself. */
  void get(RoutingContext ctx) {
    views.current(drillId(ctx)).onSuccess(view -> Json.send(ctx, 200, view)).onFailure(ctx::fail);
  }

  void start(RoutingContext ctx) {
    command(ctx, caller -> new Command.Control(ControlAction.START, caller.subject()), 200);
  }

  void pause(RoutingContext ctx) {
    command(ctx, caller -> new Command.Control(ControlAction.PAUSE, caller.subject()), 200);
  }

  void resume(RoutingContext ctx) {
    command(ctx, caller -> new Command.Control(ControlAction.RESUME, caller.subject()), 200);
  }

  void stop(RoutingContext ctx) {
    command(ctx, caller -> new Command.Control(ControlAction.STOP, caller.subject()), 200);
  }

  void speed(RoutingContext ctx) {
    JsonObject body = Json.object(ctx);
    Json.onlyKeys(body, "speed");
    List<String> errors = new ArrayList<>();
    if (body.getValue("speed") == null) {
      errors.add("speed: is required (1 to 3600)");
    }
    double speed = Json.number(body, "speed", 0, errors);
    Json.check(errors);
    command(ctx, caller -> new Command.SetSpeed(speed, caller.subject()), 200);
  }

  void fireInject(RoutingContext ctx) {
    String injectId = ctx.pathParam("injectId");
    command(ctx, caller -> new Command.FireInject(injectId, caller.subject()), 200);
  }

  void addInject(RoutingContext ctx) {
    JsonObject body = Json.object(ctx);
    Json.onlyKeys(body, "title", "text", "channel", "opinion");
    List<String> errors = new ArrayList<>();
    String title = Json.string(body, "title", errors, true);
    String text = Json.string(body, "text", errors, false);
    String channel = Optional.ofNullable(Json.string(body, "channel", errors, false)).orElse("notice");
    Optional<InjectOpinion> opinion = Optional.empty();
    if (body.getValue("opinion") != null) {
      opinion = Optional.ofNullable(opinion(body.getValue("opinion"), errors));
    }
    Json.check(errors);
    Optional<InjectOpinion> posts = opinion;
    command(ctx, caller -> new Command.AddInject(channel, title, text, posts, caller.subject()), 200);
  }

  private static InjectOpinion opinion(Object value, List<String> errors) {
    if (!(value instanceof JsonObject json)) {
      errors.add("opinion: must be an object {posts, platform, spread?}");
      return null;
    }
    long posts = Json.wholeNumber(json, "posts", errors);
    if (posts < 0 || posts > 100_000) {
      errors.add("opinion.posts: must be between 0 and 100000");
    }
    String platform = Json.string(json, "platform", errors, true);
    long spread = 0;
    String spreadText = Json.string(json, "spread", errors, false);
    if (spreadText != null) {
      try {
        spread = SimTime.parseDuration(spreadText);
      } catch (IllegalArgumentException e) {
        errors.add("opinion.spread: " + e.getMessage());
      }
    }
    return new InjectOpinion((int) Math.max(0, Math.min(posts, 100_000)), platform, spread);
  }

  void ack(RoutingContext ctx) {
    taskAction(ctx, TaskState.ACKNOWLEDGED);
  }

  void startTask(RoutingContext ctx) {
    taskAction(ctx, TaskState.IN_PROGRESS);
  }

  void done(RoutingContext ctx) {
    String note = doneNote(ctx);
    String taskId = ctx.pathParam("taskId");
    command(ctx, caller -> new Command.TaskAction(taskId, TaskState.DONE, caller.actingTeam(), caller.subject(),
        note), 200);
  }

  private void taskAction(RoutingContext ctx, TaskState to) {
    String taskId = ctx.pathParam("taskId");
    command(ctx, caller -> new Command.TaskAction(taskId, to, caller.actingTeam(), caller.subject()), 200);
  }

  /**
   * The optional body of a step to done, {"note"?}: the team's note or evidence as plain text, trimmed; none, null or
   * only blanks is no note. Checked here, before the drill sees it, so a bad note moves nothing.
   */
  private static String doneNote(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().buffer() == null || ctx.body().buffer().length() == 0) {
      return null;
    }
    JsonObject body = Json.object(ctx);
    Json.onlyKeys(body, "note");
    Object value = body.getValue("note");
    if (value == null) {
      return null;
    }
    String note = value instanceof String text ? text.strip() : null;
    if (note == null || note.codePointCount(0, note.length()) > Command.TaskAction.MAX_NOTE) {
      throw new ProblemException(400, "the note is not valid; the task was not moved", List.of("note: must be a text "
          + "of at most " + Command.TaskAction.MAX_NOTE + " characters"));
    }
    return note.isEmpty() ? null : note;
  }

  void inject(RoutingContext ctx) {
    Incoming event = EventInput.one(ctx.body().buffer());
    limit(ctx, 1);
    send(ctx, new Command.Append(List.of(event), Caller.of(ctx).subject())).onSuccess(reply -> Json.send(ctx, 202,
        new JsonObject().put("seq", reply.getLong("seq")).put("duplicate", reply.getInteger("duplicates") > 0)))
        .onFailure(ctx::fail);
  }

  void injectBatch(RoutingContext ctx) {
    List<Incoming> events = EventInput.batch(ctx.body().buffer(), ctx.request().getHeader("Content-Type"));
    limit(ctx, events.size());
    send(ctx, new Command.Append(events, Caller.of(ctx).subject())).onSuccess(reply -> Json.send(ctx, 202, reply))
        .onFailure(ctx::fail);
  }

  void events(RoutingContext ctx) {
    String drillId = drillId(ctx);
    long after = Json.queryNumber(ctx, "after", 0, 0, Long.MAX_VALUE);
    int limit = (int) Json.queryNumber(ctx, "limit", DEFAULT_PAGE, 1, MAX_PAGE);
    store.events(drillId, after, limit).compose(events -> !events.isEmpty() ? Future.succeededFuture(events)
        : store.exists(drillId).compose(exists -> exists ? Future.succeededFuture(events)
            : Future.failedFuture(ProblemException.drillNotFound(drillId))))
        .onSuccess(events -> {
          long next = events.isEmpty() ? after : events.get(events.size() - 1).seq();
          ctx.response().putHeader("Content-Type", "application/json").end(EventsJson.with(new JsonObject()
              .put("next", next).put("more", events.size() == limit), events));
        }).onFailure(ctx::fail);
  }

  /** Answers 429 with Retry-After when the caller's token is over its events-per-second limit. */
  private void limit(RoutingContext ctx, int events) {
    int wait = limiter.acquire(Caller.of(ctx).subject(), events);
    if (wait > 0) {
      ctx.response().putHeader("Retry-After", String.valueOf(wait));
      throw new ProblemException(429, "this token is over its rate limit of injected events; retry in " + wait
          + " s", List.of());
    }
  }

  /** Sends the command, then answers with the drill's view once it shows what the command did. */
  private void command(RoutingContext ctx, Function<Caller, Command> command, int status) {
    send(ctx, command.apply(Caller.of(ctx))).compose(reply -> views.after(drillId(ctx), reply))
        .onSuccess(view -> Json.send(ctx, status, view)).onFailure(ctx::fail);
  }

  private Future<JsonObject> send(RoutingContext ctx, Command command) {
    return drills.send(drillId(ctx), command);
  }

  static boolean validId(String id) {
    return id != null && DRILL_ID.matcher(id).matches();
  }

  static String drillId(RoutingContext ctx) {
    String id = ctx.pathParam("drillId");
    if (!validId(id)) {
      throw ProblemException.drillNotFound(id);
    }
    return id;
  }
}
