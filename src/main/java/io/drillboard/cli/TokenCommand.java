package io.drillboard.cli;

import io.drillboard.config.ServerConfig;
import io.drillboard.web.Role;
import io.drillboard.web.PersonNames;
import io.drillboard.web.Tokens;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "token", mixinStandardHelpOptions = true,
    description = "Print a signed JWT for a role, with the server's secret.")
final class TokenCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  SecretOptions data;

  @Option(names = "--role", required = true,
      description = "director, team, evaluator, observer or injector.")
  String role;

  @Option(names = "--team", description = "The team id, for --role team.")
  String team;

  @Option(names = {"--name", "--subject"},
      description = "The person or screen the token is for (e.g. 王敏), named in the drill's events and the report "
          + "(default: the role).")
  String subject;

  @Option(names = "--ttl", defaultValue = "12h", converter = DurationConverter.class,
      description = "How long the token is valid: 30m, 12h, 7d (default ${DEFAULT-VALUE}).")
  Duration ttl;

  private String named(String name) {
    try {
      return PersonNames.validated(name);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--" + e.getMessage());
    }
  }

  @Override
  public Integer call() {
    Role parsed = Role.fromKey(role).orElseThrow(() -> new ParameterException(spec.commandLine(),
        "--role must be one of director, team, evaluator, observer, injector"));
    if (parsed == Role.TEAM && (team == null || team.isBlank())) {
      throw new ParameterException(spec.commandLine(), "--role team needs --team TEAM_ID");
    }
    Vertx vertx = Vertx.vertx();
    try {
      Tokens tokens = new Tokens(vertx, data.resolvedSecret(), new ServerConfig.TokenTrust(data.jwtIssuer,
          Optional.empty(), Optional.empty()));
      String who = subject != null ? named(subject) : parsed == Role.TEAM ? "team-" + team : parsed.key();
      System.out.println(tokens.issue(parsed, team, who, ttl));
      return 0;
    } finally {
      vertx.close();
    }
  }
}
