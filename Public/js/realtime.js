// The only module that speaks Socket.IO: a small v4 client over one WebSocket (Engine.IO v4),
// with heartbeat checks, reconnection with backoff and connection-state recovery.

const ENGINE = { open: "0", close: "1", ping: "2", pong: "3", message: "4" };
const PACKET = { connect: "0", disconnect: "1", event: "2", ack: "3", connectError: "4" };
const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 5000;

/** Raised when an emit fails: the server's { code, message }, or OFFLINE / TIMEOUT locally. */
export class RealtimeError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

/**
 * A Socket.IO client for namespace "/". Events: `connect` (detail: { recovered }), `disconnect`,
 * `unauthorized`, and every server event by name (detail: its first argument).
 */
export class RealtimeClient extends EventTarget {
  #socket = null;
  #connected = false;
  #stopped = true;
  #attempt = 0;
  #retryTimer = null;
  #heartbeatTimer = null;
  #heartbeatTimeout = 45000;
  #nextAckId = 0;
  #acks = new Map();
  #pid = null;
  #offset = null;

  constructor({ path = "/socket.io/", ackTimeoutMs = 10000 } = {}) {
    super();
    this.path = path;
    this.ackTimeoutMs = ackTimeoutMs;
    addEventListener("online", () => this.#reconnectNow());
  }

  get connected() {
    return this.#connected;
  }

  connect() {
    this.#stopped = false;
    this.#open();
  }

  close() {
    this.#stopped = true;
    clearTimeout(this.#retryTimer);
    this.#socket?.close();
  }

  /** Listens to a server event; the handler gets the event's first argument. */
  on(event, handler) {
    this.addEventListener(event, (e) => handler(e.detail));
  }

  /** Sends an event and resolves with the ack's payload; rejects with a RealtimeError. */
  emit(event, payload) {
    if (!this.#connected) return Promise.reject(new RealtimeError("OFFLINE", "Not connected."));
    const id = this.#nextAckId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#acks.delete(id);
        reject(new RealtimeError("TIMEOUT", "No answer from the server."));
      }, this.ackTimeoutMs);
      this.#acks.set(id, { resolve, reject, timer });
      this.#send(ENGINE.message + PACKET.event + id + JSON.stringify([event, payload]));
    }).then((answer) => {
      if (answer && answer.ok === false) throw new RealtimeError(answer.error?.code ?? "ERROR", answer.error?.message ?? "");
      return answer;
    });
  }

  #open() {
    clearTimeout(this.#retryTimer);
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    const socket = new WebSocket(`${scheme}//${location.host}${this.path}?EIO=4&transport=websocket`);
    this.#socket = socket;
    socket.onmessage = (message) => this.#receive(String(message.data));
    socket.onclose = () => {
      if (this.#socket === socket) this.#closed();
    };
  }

  #receive(data) {
    switch (data[0]) {
      case ENGINE.open: {
        const handshake = JSON.parse(data.slice(1));
        this.#heartbeatTimeout = handshake.pingInterval + handshake.pingTimeout;
        this.#watchHeartbeat();
        const auth = this.#pid ? { pid: this.#pid, offset: this.#offset } : undefined;
        this.#send(ENGINE.message + PACKET.connect + (auth ? JSON.stringify(auth) : ""));
        break;
      }
      case ENGINE.ping:
        this.#watchHeartbeat();
        this.#send(ENGINE.pong);
        break;
      case ENGINE.message:
        this.#receivePacket(data.slice(1));
        break;
      case ENGINE.close:
        this.#socket?.close();
        break;
    }
  }

  #receivePacket(text) {
    const type = text[0];
    let index = 1;
    if (text[index] === "/") index = text.indexOf(",", index) + 1;
    const digits = /^\d*/.exec(text.slice(index))[0];
    const id = digits ? Number(digits) : null;
    const body = text.slice(index + digits.length);
    const data = body ? JSON.parse(body) : null;
    switch (type) {
      case PACKET.connect: {
        const recovered = Boolean(this.#pid) && data?.pid === this.#pid;
        this.#pid = data?.pid ?? null;
        if (!recovered) this.#offset = null;
        this.#connected = true;
        this.#attempt = 0;
        this.dispatchEvent(new CustomEvent("connect", { detail: { recovered } }));
        break;
      }
      case PACKET.connectError:
        if (data?.data?.code === "UNAUTHORIZED") {
          this.#stopped = true;
          this.dispatchEvent(new CustomEvent("unauthorized", { detail: data }));
        }
        this.#socket?.close();
        break;
      case PACKET.event: {
        const [name, ...args] = data;
        if (this.#pid && args.length > 1 && typeof args[args.length - 1] === "string") this.#offset = args[args.length - 1];
        this.dispatchEvent(new CustomEvent(name, { detail: args[0] }));
        break;
      }
      case PACKET.ack: {
        const pending = this.#acks.get(id);
        if (!pending) break;
        this.#acks.delete(id);
        clearTimeout(pending.timer);
        pending.resolve(data?.[0]);
        break;
      }
      case PACKET.disconnect:
        this.#socket?.close();
        break;
    }
  }

  #send(text) {
    if (this.#socket?.readyState === WebSocket.OPEN) this.#socket.send(text);
  }

  #watchHeartbeat() {
    clearTimeout(this.#heartbeatTimer);
    this.#heartbeatTimer = setTimeout(() => this.#socket?.close(), this.#heartbeatTimeout);
  }

  #closed() {
    clearTimeout(this.#heartbeatTimer);
    this.#socket = null;
    const wasConnected = this.#connected;
    this.#connected = false;
    for (const pending of this.#acks.values()) {
      clearTimeout(pending.timer);
      pending.reject(new RealtimeError("OFFLINE", "The connection dropped."));
    }
    this.#acks.clear();
    if (wasConnected || this.#attempt === 0) this.dispatchEvent(new CustomEvent("disconnect"));
    if (this.#stopped) return;
    const delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** this.#attempt) * (0.75 + Math.random() / 2);
    this.#attempt += 1;
    this.#retryTimer = setTimeout(() => this.#open(), delay);
  }

  #reconnectNow() {
    if (this.#stopped || this.#connected) return;
    this.#attempt = 0;
    this.#socket?.close();
    if (!this.#socket) this.#open();
  }
}
