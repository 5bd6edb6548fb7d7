// A drill followed live over the WebSocket: the first frame is a snapshot, then deltas whose seq ranges must join up;
// on any break the connection is reopened with ?after=<last seq>, so nothing is lost or shown twice.

import { api } from './api.js';

const TIMELINE_LENGTH = 300;
/** How far back a fresh viewer looks for its timeline; opinion samples (one a minute) are not kept in it. */
const HISTORY_EVENTS = 3000;
const inTimeline = (event) => event.type !== 'opinion.sampled';
const FRAME_KEYS = new Set(['type', 'fromSeq', 'toSeq', 'omitted', 'events']);

export class LiveDrill {
  /**
   * @param drillId the drill to follow
   * @param token a token of any role
   * @param onChange called with (drill, newEvents) after every frame
   * @param onStatus called with 'live', 'reconnecting' or 'offline'
   */
  constructor(drillId, token, onChange, onStatus) {
    this.drillId = drillId;
    this.token = token;
    this.onChange = onChange;
    this.onStatus = onStatus;
    this.drill = null;
    this.timeline = [];
    this.lastSeq = null;
    this.clockOffset = 0;
    this.retryDelay = 1000;
    this.closed = false;
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
    const after = this.lastSeq === null ? '' : `?after=${this.lastSeq}`;
    const url = `${scheme}://${window.location.host}/api/v1/drills/${this.drillId}/live${after}`;
    const socket = new WebSocket(url, ['drillboard', this.token]);
    this.socket = socket;
    socket.onmessage = (message) => this.receive(JSON.parse(message.data));
    socket.onclose = () => {
      if (this.closed || socket !== this.socket) return;
      this.onStatus('reconnecting');
      setTimeout(() => this.connect(), this.retryDelay);
      this.retryDelay = Math.min(this.retryDelay * 2, 10000);
    };
  }

  receive(frame) {
    if (frame.type === 'snapshot') {
      this.drill = frame;
      this.lastSeq = frame.seq;
      this.loadRecentEvents(frame.seq);
    } else if (frame.type === 'delta') {
      if (this.lastSeq === null || frame.fromSeq !== this.lastSeq + 1) {
        // A break in the seq ranges: reopen from what we have rather than show a gap.
        this.socket.close();
        return;
      }
      this.merge(frame);
      this.lastSeq = frame.toSeq;
      this.timeline = this.timeline.concat(frame.events.filter(inTimeline)).slice(-TIMELINE_LENGTH);
    }
    if (this.drill.clock?.wallNow) this.clockOffset = this.drill.clock.wallNow - Date.now();
    this.retryDelay = 1000;
    this.onStatus('live');
    this.onChange(this.drill, frame.events || []);
  }

  merge(frame) {
    const previousSeries = this.drill.opinion?.series || [];
    for (const [key, value] of Object.entries(frame)) {
      if (!FRAME_KEYS.has(key)) this.drill[key] = value;
    }
    // Opinion minutes arrive once each; they are keyed by minute, so a resend replaces rather than repeats.
    const byMinute = new Map(previousSeries.map((point) => [point.minute, point]));
    (frame.opinion?.series || []).forEach((point) => byMinute.set(point.minute, point));
    this.drill.opinion.series = [...byMinute.values()].sort((a, b) => a.minute - b.minute);
  }

  async loadRecentEvents(seq) {
    try {
      const page = await api('GET', `/drills/${this.drillId}/events?after=${Math.max(0, seq - HISTORY_EVENTS)}&limit=${HISTORY_EVENTS}`);
      const known = new Set(this.timeline.map((e) => e.seq));
      this.timeline = page.events.filter((e) => inTimeline(e) && !known.has(e.seq)).concat(this.timeline)
        .sort((a, b) => a.seq - b.seq).slice(-TIMELINE_LENGTH);
      this.onChange(this.drill, []);
    } catch {
      // The timeline fills from live frames alone.
    }
  }
}
