package io.drillboard.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package picture of docs/architecture.md, kept true: data flows one way, so no package depends on itself
 * through others; the model knows nothing of how it is run, stored, shown or served; the read side knows nothing of
 * the HTTP edge.
 */
@AnalyzeClasses(packages = "io.drillboard", importOptions = ImportOption.DoNotIncludeTests.class)
class PackagesTest {
  @ArchTest
  static final ArchRule noPackageCycles = slices().matching("io.drillboard.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule theModelStandsAlone = noClasses()
      .that().resideInAnyPackage("io.drillboard.drill..", "io.drillboard.evaluation..", "io.drillboard.scenario..",
          "io.drillboard.opinion..")
      .should().dependOnClassesThat().resideInAnyPackage("io.drillboard.runtime..", "io.drillboard.store..",
          "io.drillboard.view..", "io.drillboard.report..", "io.drillboard.web..", "io.drillboard.metrics..",
          "io.drillboard.server..", "io.drillboard.config..", "io.drillboard.cli..");

  @ArchTest
  static final ArchRule theReadSideIsBelowTheEdge = noClasses()
      .that().resideInAnyPackage("io.drillboard.view..", "io.drillboard.report..")
      .should().dependOnClassesThat().resideInAnyPackage("io.drillboard.web..", "io.drillboard.metrics..",
          "io.drillboard.server..", "io.drillboard.cli..");

  /**
   * The model (the rules, the opinion model, the scenario and its evaluation) decides, folds and judges without
   * knowing how anything is written down, carried or shown: no Vert.x, no JSON.
   */
  @ArchTest
  static final ArchRule theRulesKnowNoVertx = noClasses()
      .that().resideInAnyPackage("io.drillboard.drill..", "io.drillboard.opinion..", "io.drillboard.scenario..",
          "io.drillboard.evaluation..")
      .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "com.fasterxml..");

  /** The spreadsheet form of a scenario is a format beside the YAML: it knows the scenario and nothing above it. */
  @ArchTest
  static final ArchRule theWorkbookIsAFormatOfTheScenario = noClasses()
      .that().resideInAPackage("io.drillboard.workbook..")
      .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.drillboard.drill..",
          "io.drillboard.runtime..", "io.drillboard.store..", "io.drillboard.view..", "io.drillboard.report..",
          "io.drillboard.web..", "io.drillboard.metrics..", "io.drillboard.server..", "io.drillboard.cli..");
}
