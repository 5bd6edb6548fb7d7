package io.drillboard.drill;

/**
 * What the director calls a drill and where it is held, given when it is created: lists, pages, the report and the
 * comparison show the name rather than the scenario's title alone (six runs of one scenario look alike otherwise).
 * Either may be null: drills created before names existed have neither.
 */
public record DrillNaming(String name, String place) {
  public static final DrillNaming NONE = new DrillNaming(null, null);

  static DrillNaming of(EventBody.DrillCreated created) {
    return new DrillNaming(created.name(), created.place());
  }
}
