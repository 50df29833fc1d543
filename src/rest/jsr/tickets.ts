// jsr: support tickets (/api/tickets, /api/user/tickets).
import * as tickets from "../../services/accounts/tickets";
import { ok, type Operations } from "../operation";
import { presentUser } from "./present";

const iso = (d: Date) => d.toISOString();

function presentMessage(m: tickets.MessageWithAuthor) {
  return { author: presentUser(m.author), message: m.message, createdAt: iso(m.createdAt), updatedAt: iso(m.updatedAt) };
}

function presentTicketBase(t: tickets.FullTicket) {
  return {
    id: t.id,
    kind: t.kind as tickets.TicketKind,
    creator: presentUser(t.creator),
    meta: (t.meta ?? {}) as Record<string, never>,
    closed: t.closed,
    createdAt: iso(t.createdAt),
    updatedAt: iso(t.updatedAt),
  };
}

const presentTicket = (t: tickets.FullTicket) => ({ ...presentTicketBase(t), messages: t.messages.map(presentMessage) });

/** getTicket's overview: the messages as events (upstream also lists staff's audit log entries there). */
function presentOverview(t: tickets.FullTicket) {
  const events = t.messages.map((m) => ({
    kind: "message" as const,
    message: { message: m.message, createdAt: iso(m.createdAt), updatedAt: iso(m.updatedAt) },
    user: presentUser(m.author),
  }));
  return { ...presentTicketBase(t), events };
}

export const ticketOperations: Operations = {
  async listSelfUserTickets({ ctx }) {
    return ok((await tickets.listOwnTickets(ctx)).map(presentTicket));
  },

  async createTicket({ ctx, body }) {
    return ok(presentTicket(await tickets.createTicket(ctx, { kind: body.kind, meta: body.meta, message: body.message })));
  },

  async getTicket({ ctx, params }) {
    return ok(presentOverview(await tickets.getTicket(ctx, params.id)));
  },

  async addTicketMessage({ ctx, params, body }) {
    return ok(presentMessage(await tickets.addTicketMessage(ctx, params.id, body.message)));
  },
};
