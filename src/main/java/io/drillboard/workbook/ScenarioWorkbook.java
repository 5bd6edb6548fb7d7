package io.drillboard.workbook;

import io.drillboard.scenario.Scenario;
import io.drillboard.scenario.ScenarioInvalidException;
import io.drillboard.scenario.ScenarioParser;
import io.drillboard.scenario.StrictYaml;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.yaml.snakeyaml.DumperOptions;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/**
 * A scenario as a spreadsheet, the way exercise planners write a MSEL: an xlsx workbook with one sheet per list of the
 * format (docs/scenario-format.md, "Workbook"), or one sheet as CSV. A workbook read back becomes the scenario's YAML
 * and goes through the same parser and checks as a file, with each problem moved to the cell it came from.
 */
public final class ScenarioWorkbook {
  public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  public static final int MAX_BYTES = WorkbookReader.MAX_BYTES;
  /** The sheet a CSV export gives when none is named. */
  public static final String DEFAULT_CSV_SHEET = "Injects";

  private ScenarioWorkbook() {
  }

  public static List<String> sheets() {
    return Layout.sheets();
  }

  public static byte[] xlsx(Scenario scenario) {
    Map<String, Object> tree = tree(scenario);
    List<String> shown = new ArrayList<>();
    WorkbookWriter writer = new WorkbookWriter();
    Layout.TABLES.forEach(table -> writer.sheet(table, table.rows(tree, shown)));
    List<String> leaves = new ArrayList<>();
    Tree.leaves("", tree, leaves);
    leaves.removeAll(shown);
    if (!leaves.isEmpty()) {
      throw new IllegalStateException("the workbook has no column for " + leaves);
    }
    return writer.bytes();
  }

  /** One sheet as CSV (RFC 4180, UTF-8 with a byte-order mark so that Excel reads Chinese right). */
  public static String csv(Scenario scenario, String sheet) {
    Table table = Layout.table(sheet).orElseThrow(() -> new IllegalArgumentException(
        "no sheet is called \"" + sheet + "\" (expected one of " + String.join(", ", sheets()) + ")"));
    StringWriter out = new StringWriter().append('\uFEFF');
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
      printer.printRecord(table.columns().stream().map(Column::key).toList());
      for (Map<String, Object> row : table.rows(tree(scenario), new ArrayList<>())) {
        List<String> cells = new ArrayList<>();
        for (Column column : table.columns()) {
          Object value = row.get(column.key());
          cells.add(value == null ? "" : WorkbookWriter.text(column.kind(), value));
        }
        printer.printRecord(cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * The scenario a workbook holds, its source being the YAML it amounts to.
   *
   * @throws ScenarioInvalidException with every problem found, each led by its cell ("Injects!C7: ...")
   */
  public static Scenario read(byte[] xlsx) {
    WorkbookReader.Result read = WorkbookReader.read(xlsx);
    List<String> problems = new ArrayList<>(read.problems());
    if (read.tree().isEmpty()) {
      problems.add("(workbook): holds no scenario (expected the sheets " + String.join(", ", sheets()) + ")");
      throw new ScenarioInvalidException(problems.stream().distinct().toList());
    }
    try {
      Scenario scenario = ScenarioParser.parse(yaml(read.tree()));
      if (problems.isEmpty()) {
        return scenario;
      }
    } catch (ScenarioInvalidException invalid) {
      invalid.problems().forEach(p -> problems.add(read.sources().locate(p)));
    }
    throw new ScenarioInvalidException(problems.stream().distinct().toList());
  }

  private static Map<String, Object> tree(Scenario scenario) {
    Object loaded = StrictYaml.create().load(scenario.source());
    Map<String, Object> tree = new LinkedHashMap<>();
    ((Map<?, ?>) loaded).forEach((key, value) -> tree.put(String.valueOf(key), value));
    return tree;
  }

  private static String yaml(Map<String, Object> tree) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setAllowUnicode(true);
    options.setSplitLines(false);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    return "# Read from a workbook (xlsx).\n" + new Yaml(new QuotedTimes(options), options).dump(tree);
  }

  /** Quotes times of day, as the format asks, so that no YAML 1.1 tool reads "11:30" as the number 690. */
  private static final class QuotedTimes extends Representer {
    private static final Pattern TIME = Pattern.compile("(D\\d+ )?\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");

    QuotedTimes(DumperOptions options) {
      super(options);
      Represent plain = representers.get(String.class);
      representers.put(String.class, data -> TIME.matcher((String) data).matches()
          ? representScalar(Tag.STR, (String) data, DumperOptions.ScalarStyle.DOUBLE_QUOTED) : plain.representData(data));
    }
  }
}
