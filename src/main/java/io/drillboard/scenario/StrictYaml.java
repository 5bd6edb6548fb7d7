package io.drillboard.scenario;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A YAML loader for untrusted scenario files: plain data only, bounded aliases, nesting and size, and none of YAML 1.1's
 * surprises (11:30 as the base-60 number 690, "no" as false, dates), so times of day stay strings.
 */
public final class StrictYaml {
  static final int MAX_CODE_POINTS = 2 * 1024 * 1024;

  private StrictYaml() {
  }

  public static Yaml create() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(20);
    options.setNestingDepthLimit(30);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setAllowRecursiveKeys(false);
    return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options,
        new PlainResolver());
  }

  private static final class PlainResolver extends Resolver {
    private static final Pattern PLAIN_BOOL = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");
    private static final Pattern PLAIN_INT = Pattern.compile("^[-+]?[0-9]+$");
    private static final Pattern PLAIN_FLOAT = Pattern.compile("^[-+]?(?:[0-9]+\\.[0-9]*|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?$");

    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, PLAIN_BOOL, "tTfF");
      addImplicitResolver(Tag.INT, PLAIN_INT, "-+0123456789");
      addImplicitResolver(Tag.FLOAT, PLAIN_FLOAT, "-+0123456789.");
      addImplicitResolver(Tag.NULL, NULL, "~nN\0");
      addImplicitResolver(Tag.NULL, EMPTY, null);
    }
  }
}
