package io.drillboard.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The wait on a condition nothing announces: what it returns, and what it says when the condition never holds. */
class EventuallyTest {
  @Test
  void itGivesTheFirstValueThatPassesLookingAgainPastRefusalsAndNulls() throws InterruptedException {
    AtomicInteger looks = new AtomicInteger();
    Integer seen = Eventually.await("the third look", Duration.ofSeconds(30), Duration.ofMillis(1), () -> {
      int look = looks.incrementAndGet();
      if (look == 1) {
        throw new IOException("refused");
      }
      return look == 2 ? null : look;
    }, look -> look >= 3);
    assertThat(seen).isEqualTo(3);
    assertThat(looks).hasValue(3);
  }

  @Test
  void aConditionThatNeverHoldsFailsNamingItAndWhatWasLastSeen() {
    assertThatThrownBy(() -> Eventually.await("forty-two", Duration.ofMillis(50), Duration.ofMillis(1), () -> 7,
        value -> value == 42))
        .isInstanceOf(AssertionError.class).hasMessageStartingWith("forty-two: not within PT0.05S; last seen: 7");
  }

  @Test
  void aLookThatKeepsFailingIsTheFailuresCause() {
    IOException refused = new IOException("connection refused");
    assertThatThrownBy(() -> Eventually.until("the server up", Duration.ofMillis(50), () -> {
      throw refused;
    })).isInstanceOf(AssertionError.class).hasMessageContaining("last seen: java.io.IOException: connection refused")
        .hasCause(refused);
  }
}
