package io.drillboard.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** java -jar drillboard.jar [serve|token] ...; with no subcommand it serves. */
@Command(name = "drillboard", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Live command-and-evaluation dashboard for emergency drills.",
    subcommands = {ServeCommand.class, TokenCommand.class, LoadCommand.class})
public final class Main implements Runnable {

  public static void main(String[] args) {
    CommandLine commandLine = new CommandLine(new Main());
    String[] effective = args.length == 0 || args[0].startsWith("-") && !isHelpOrVersion(args[0])
        ? prepend("serve", args) : args;
    System.exit(commandLine.execute(effective));
  }

  private static boolean isHelpOrVersion(String arg) {
    return arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version");
  }

  private static String[] prepend(String first, String[] rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
