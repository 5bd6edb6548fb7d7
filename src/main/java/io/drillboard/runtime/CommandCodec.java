package io.drillboard.runtime;

import io.drillboard.drill.Command;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;

/**
 * Carries commands over the event bus. Within one process a command is handed over as it is (commands are immutable
 * records), instead of being copied as JSON, which at load-test rates was a tenth of the server's work; between nodes
 * it travels as its JSON.
 */
public final class CommandCodec implements MessageCodec<Command, Command> {
  public static final String NAME = "drillboard.command";

  /** Sends with this codec. */
  public static DeliveryOptions delivery() {
    return new DeliveryOptions().setCodecName(NAME);
  }

  @Override
  public void encodeToWire(Buffer buffer, Command command) {
    Buffer json = command.toJson().toBuffer();
    buffer.appendInt(json.length()).appendBuffer(json);
  }

  @Override
  public Command decodeFromWire(int position, Buffer buffer) {
    int length = buffer.getInt(position);
    return Command.fromJson(new JsonObject(buffer.getBuffer(position + 4, position + 4 + length)));
  }

  @Override
  public Command transform(Command command) {
    return command;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
