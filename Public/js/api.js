// The only module that talks to the server over HTTP: JSON in and out (fetch), uploads with
// progress (XMLHttpRequest), the session cookie, and one error shape.

/** An error answered by the server ({ error: { code, message } }) or a network failure (code NETWORK). */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function request(method, path, body) {
  const options = { method, credentials: "same-origin", headers: { Accept: "application/json" } };
  if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, options);
  } catch (error) {
    throw new ApiError(0, "NETWORK", error.message);
  }
  if (response.status === 204) return null;
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const error = data?.error ?? {};
    throw new ApiError(response.status, error.code ?? "HTTP_" + response.status, error.message ?? response.statusText);
  }
  return data;
}

function query(parameters) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(parameters)) {
    if (value === undefined || value === null || value === "") continue;
    search.set(key, Array.isArray(value) ? value.join(",") : String(value));
  }
  const text = search.toString();
  return text ? "?" + text : "";
}

/** Uploads a file to a ticket as the raw body, reporting progress (0–1); answers the stored attachment. */
function upload(ticketId, file, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/api/tickets/${encodeURIComponent(ticketId)}/attachments?name=${encodeURIComponent(file.name || "pasted")}`);
    request.withCredentials = true;
    request.setRequestHeader("Accept", "application/json");
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onload = () => {
      let data = null;
      try { data = JSON.parse(request.responseText); } catch { data = null; }
      if (request.status >= 200 && request.status < 300) return resolve(data);
      const error = data?.error ?? {};
      reject(new ApiError(request.status, error.code ?? "HTTP_" + request.status, error.message ?? request.statusText));
    };
    request.onerror = () => reject(new ApiError(0, "NETWORK", "The upload was interrupted."));
    request.send(file);
  });
}

export const api = {
  uploadAttachment: upload,
  me: () => request("GET", "/api/auth/me").then((data) => data.user),
  login: (email, password) => request("POST", "/api/auth/login", { email, password }),
  register: (email, name, password) => request("POST", "/api/auth/register", { email, name, password }),
  logout: () => request("POST", "/api/auth/logout"),

  tickets: (parameters) => request("GET", "/api/tickets" + query(parameters)),
  ownTickets: (parameters) => request("GET", "/api/user/tickets" + query(parameters)),
  stats: () => request("GET", "/api/tickets/stats"),
  search: (parameters) => request("GET", "/api/search" + query(parameters)),
  ticket: (id) => request("GET", `/api/tickets/${encodeURIComponent(id)}`),
  ticketSummary: (id) => request("GET", `/api/tickets/${encodeURIComponent(id)}/summary`),
  messages: (id, parameters) => request("GET", `/api/tickets/${encodeURIComponent(id)}/messages` + query(parameters)),
  updateTicket: (id, changes) => request("PATCH", `/api/tickets/${encodeURIComponent(id)}`, changes),
  rateTicket: (id, rating) => request("PUT", `/api/tickets/${encodeURIComponent(id)}/rating`, rating),
  openTicket: (draft) => request("POST", "/api/user/tickets", draft),
  openTicketFor: (draft) => request("POST", "/api/tickets", draft),

  slaPolicy: () => request("GET", "/api/sla-policies"),
  saveSlaPolicy: (policy) => request("PUT", "/api/sla-policies", policy),
  notifications: () => request("GET", "/api/notifications?limit=30"),
  notificationPreferences: () => request("GET", "/api/notifications/preferences"),
  saveNotificationPreferences: (preferences) => request("PUT", "/api/notifications/preferences", preferences),
  markNotificationsRead: (ids) => request("POST", "/api/notifications/read", ids ? { ids } : {}),
  report: (from, to) => request("GET", `/api/reports/summary?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`),
  agents: () => request("GET", "/api/agents").then((data) => data.users),
  customers: () => request("GET", "/api/customers").then((data) => data.users),
  users: () => request("GET", "/api/users").then((data) => data.users),
  createUser: (user) => request("POST", "/api/users", user),
  updateUser: (id, changes) => request("PATCH", `/api/users/${encodeURIComponent(id)}`, changes),
  quickReplies: (ticketId) => request("GET", "/api/quick-replies" + query({ ticket: ticketId })),
  createQuickReply: (reply) => request("POST", "/api/quick-replies", reply),
  updateQuickReply: (id, changes) => request("PATCH", `/api/quick-replies/${encodeURIComponent(id)}`, changes),
  deleteQuickReply: (id) => request("DELETE", `/api/quick-replies/${encodeURIComponent(id)}`),
  webhooks: () => request("GET", "/api/webhooks"),
  createWebhook: (webhook) => request("POST", "/api/webhooks", webhook),
  updateWebhook: (id, changes) => request("PATCH", `/api/webhooks/${encodeURIComponent(id)}`, changes),
  deleteWebhook: (id) => request("DELETE", `/api/webhooks/${encodeURIComponent(id)}`),
  webhookDeliveries: (id, before) => request("GET", `/api/webhooks/${encodeURIComponent(id)}/deliveries` + query({ before })),
  redeliverWebhook: (id, delivery) => request("POST", `/api/webhooks/${encodeURIComponent(id)}/deliveries/${delivery}/redeliver`),
};
