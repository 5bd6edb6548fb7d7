// A drill followed live over the WebSocket: the first frame is a snapshot, then deltas whose seq ranges must join up,
// each patching the drill with what changed (patch.js);
// on any break the connection is reopened with ?after=<last seq>, so nothing is lost or shown twice. After a lost
// connection the drill is first read over HTTP: a network still down is tried again with backoff, while a refusal
// (token expired or not valid, drill gone) ends the stream with onRefused instead of looping.
// In replay (?replay=1) the stored drill is played back instead: same frames plus "replay" and the replay's own clock,
// steered with text messages; a snapshot (after a seek) replaces everything, and a closed socket is just offline.

import { api, ApiError } from './api.js';
import { applyPatch } from './patch.js';
import { showDaysFor } from './format.js';

const TIMELINE_LENGTH = 300;
/** How far back a fresh viewer looks for its timeline; opinion samples (one a minute) are not kept in it. */
const HISTORY_EVENTS = 3000;
const inTimeline = (event) => event.type !== 'opinion.sampled' && event.type !== 'feed.posted';
/** The simulated media feed's posts, oldest first, as many as a page may show. */
const FEED_LENGTH = 200;
const feedPosts = (events) => events.filter((event) => event.type === 'feed.posted')
  .flatMap((event) => event.payload.posts);
const FRAME_KEYS = new Set(['type', 'fromSeq', 'toSeq', 'omitted', 'events']);
const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 30000;
/** Answers after which trying again cannot help: the page says what to do instead. */
const REFUSALS = new Set([400, 401, 403, 404]);

export class LiveDrill {
  /**
   * @param drillId the drill to follow
   * @param token a token of any role
   * @param onChange called with (drill, newEvents) after every frame
   * @param onStatus called with 'live' (or 'replay'), 'reconnecting' or 'offline', and the wall time (ms) since which
   *   the stream has not been live (null while live)
   * @param options {replay: {speed, from}} to play the stored drill back instead of following it live;
   *   {onRefused: (ApiError) => ...} for a server that refuses the drill when the page reconnects
   */
  constructor(drillId, token, onChange, onStatus, options = {}) {
    this.drillId = drillId;
    this.token = token;
    this.onChange = onChange;
    this.onStatus = onStatus;
    this.drill = null;
    this.timeline = [];
    this.feed = [];
    this.lastSeq = null;
    this.clockOffset = 0;
    this.retryDelay = FIRST_RETRY_MS;
    this.closed = false;
    /** Wall time when the stream stopped being live; null while it is. */
    this.lostAt = null;
    /** Set when the page itself closes the socket to reopen it at once (a gap in the seq ranges). */
    this.reopenAtOnce = false;
    this.replay = options.replay || null;
    this.onRefused = options.onRefused || (() => {});
    /** Counts snapshots, so that a timeline fetched for an earlier one is dropped. */
    this.generation = 0;
  }

  start() {
    this.connect();
    return this;
  }

  stop() {
    this.closed = true;
    if (this.socket) this.socket.close();
  }

  /** The sim time now, moving smoothly between frames from the clock anchor the server sent. */
  simNow() {
    const clock = this.drill?.clock;
    if (!clock) return null;
    if (!clock.running) return this.drill.simTime;
    const wall = Date.now() + this.clockOffset;
    const sim = clock.simAnchor + (wall - clock.wallAnchor) * clock.speed;
    return Math.min(Math.max(sim, this.drill.simTime), clock.end);
  }

  connect() {
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    let query = this.lastSeq === null ? '' : `?after=${this.lastSeq}`;
    if (this.replay) {
      const params = new URLSearchParams({ replay: '1', speed: String(this.replay.speed), from: String(this.replay.from) });
      query = `?${params}`;
    }
    const url = `${scheme}://${window.location.host}/api/v1/drills/${encodeURIComponent(this.drillId)}/live${query}`;
    const socket = new WebSocket(url, ['drillboard', this.token]);
    this.socket = socket;
    socket.onmessage = (message) => this.receive(JSON.parse(message.data));
    // A resumed stream sends nothing until the drill changes (a quiet hour may pass): being open is being live again.
    socket.onopen = () => {
      if (this.replay || this.drill === null || socket !== this.socket) return;
      this.markLive();
    };
    socket.onclose = () => {
      if (this.closed || socket !== this.socket) return;
      this.lostAt ??= Date.now();
      if (this.replay) {
        // A replay is one session: nothing to resume, the viewer reloads to start again.
        this.onStatus('offline', this.lostAt);
        return;
      }
      this.onStatus('reconnecting', this.lostAt);
      if (this.reopenAtOnce) {
        this.reopenAtOnce = false;
        this.connect();
        return;
      }
      setTimeout(() => this.reconnect(), this.retryDelay);
      this.retryDelay = Math.min(this.retryDelay * 2, LAST_RETRY_MS);
    };
  }

  /** Reads the drill over HTTP before opening the stream again, so that a refusal ends the retries with a reason. */
  async reconnect() {
    if (this.closed) return;
    try {
      await api('GET', `/drills/${encodeURIComponent(this.drillId)}`);
    } catch (error) {
      if (error instanceof ApiError && REFUSALS.has(error.status)) {
        this.stop();
        this.onStatus('offline', this.lostAt);
        this.onRefused(error);
        return;
      }
      // The network or the server is still down: wait longer, then read again.
      setTimeout(() => this.reconnect(), this.retryDelay);
      this.retryDelay = Math.min(this.retryDelay * 2, LAST_RETRY_MS);
      return;
    }
    this.connect();
  }

  receive(frame) {
    if (frame.type === 'snapshot') {
      this.drill = frame;
      showDaysFor(frame);
      this.lastSeq = frame.seq;
      this.generation += 1;
      // A replay's snapshot may be anywhere in the drill (a seek back or forth): its timeline starts afresh.
      if (this.replay) {
        this.timeline = [];
        this.feed = [];
      }
      this.loadRecentEvents(frame.seq);
    } else if (frame.type === 'delta') {
      if (this.lastSeq === null || frame.fromSeq !== this.lastSeq + 1) {
        if (this.replay) {
          // The replay can rebuild any moment: ask for a fresh snapshot where this frame ends.
          if (this.lastSeq !== null) this.seek(frame.toSeq);
          return;
        }
        // A break in the seq ranges: reopen from what we have rather than show a gap.
        this.reopenAtOnce = true;
        this.socket.close();
        return;
      }
      this.merge(frame);
      this.lastSeq = frame.toSeq;
      this.timeline = this.timeline.concat(frame.events.filter(inTimeline)).slice(-TIMELINE_LENGTH);
      this.feed = this.feed.concat(feedPosts(frame.events)).slice(-FEED_LENGTH);
    }
    if (this.drill.clock?.wallNow) this.clockOffset = this.drill.clock.wallNow - Date.now();
    if (this.replay) this.keepWishes();
    this.markLive();
    this.onChange(this.drill, frame.events || []);
  }

  markLive() {
    this.retryDelay = FIRST_RETRY_MS;
    this.lostAt = null;
    this.onStatus(this.replay ? 'replay' : 'live', null);
  }

  // --- Replay controls: sent to the server, and applied to the local clock at once (no frame comes back for them,
  // except a snapshot after a seek). ---

  /**
   * Frames the server sent before it read a pause or a speed still carry the old ones: the viewer's latest wish
   * holds until the server's frames agree with it.
   */
  keepWishes() {
    const replay = this.drill.replay;
    if (!replay || !this.wishes) return;
    if (this.wishes.paused !== undefined && replay.paused !== this.wishes.paused) {
      replay.paused = this.wishes.paused;
      if (replay.paused) this.drill.clock = { ...this.drill.clock, simAnchor: this.drill.simTime, running: false };
    }
    if (this.wishes.speed !== undefined && replay.speed !== this.wishes.speed) {
      replay.speed = this.wishes.speed;
      this.drill.clock = { ...this.drill.clock, speed: this.wishes.speed };
    }
  }

  send(command) {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(command));
  }

  pause() {
    this.send({ action: 'pause' });
    this.wishes = { ...this.wishes, paused: true };
    if (!this.drill?.replay) return;
    const now = this.simNow();
    this.drill.replay.paused = true;
    if (now !== null) this.drill.simTime = now;
    this.drill.clock = { ...this.drill.clock, simAnchor: now ?? this.drill.simTime, running: false };
    this.onChange(this.drill, []);
  }

  resume() {
    this.send({ action: 'resume' });
    this.wishes = { ...this.wishes, paused: false };
    if (!this.drill?.replay) return;
    this.drill.replay.paused = false;
    this.reanchor({ running: !this.drill.replay.finished && this.drill.state === 'running' });
    this.onChange(this.drill, []);
  }

  setSpeed(speed) {
    this.send({ action: 'speed', speed });
    this.wishes = { ...this.wishes, speed };
    if (!this.drill?.replay) return;
    this.drill.replay.speed = speed;
    this.reanchor({ speed });
    this.onChange(this.drill, []);
  }

  /** Asks for the drill as it stood at seq; the answer is a snapshot frame. */
  seek(seq) {
    this.send({ action: 'seek', seq });
  }

  /** Asks for the drill as it stood at sim time {@code at} (ms since midnight); the answer is a snapshot frame. */
  seekTo(at) {
    this.send({ action: 'seek', at: Math.round(at) });
  }

  /** Moves the clock's anchor to now, so that a change of speed or running takes effect from this moment. */
  reanchor(changes) {
    const now = this.simNow() ?? this.drill.simTime;
    this.drill.simTime = now;
    this.drill.clock = { ...this.drill.clock, simAnchor: now, wallAnchor: Date.now() + this.clockOffset, ...changes };
  }

  /** Applies a delta's patch: every field of the frame but its head. */
  merge(frame) {
    const patch = Object.fromEntries(Object.entries(frame).filter(([key]) => !FRAME_KEYS.has(key)));
    applyPatch(this.drill, patch);
  }

  async loadRecentEvents(seq) {
    const generation = this.generation;
    const after = Math.max(0, seq - HISTORY_EVENTS);
    try {
      const page = await api('GET', `/drills/${encodeURIComponent(this.drillId)}/events?after=${after}&limit=${Math.max(1, seq - after)}`);
      // A later snapshot (a seek in a replay) has made this page stale.
      if (generation !== this.generation) return;
      const known = new Set(this.timeline.map((e) => e.seq));
      this.timeline = page.events.filter((e) => e.seq <= seq && inTimeline(e) && !known.has(e.seq)).concat(this.timeline)
        .sort((a, b) => a.seq - b.seq).slice(-TIMELINE_LENGTH);
      const shown = new Set(this.feed.map((post) => post.id));
      this.feed = feedPosts(page.events.filter((e) => e.seq <= seq)).filter((post) => !shown.has(post.id))
        .concat(this.feed).slice(-FEED_LENGTH);
      this.onChange(this.drill, []);
    } catch {
      // The timeline fills from live frames alone.
    }
  }
}
