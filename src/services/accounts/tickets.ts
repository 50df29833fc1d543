// Support tickets, as jsr has them: a user asks (a scope or package quota increase, or anything else) and staff answer
// in messages. The creator and staff see a ticket; nobody else learns it exists.
import type { Prisma, Ticket, TicketMessage, User } from "../../generated/prisma/client";
import { WharfError } from "../../errors";
import type { ServiceContext } from "../shared/context";
import { requireUser } from "../shared/policies";

export const TICKET_KINDS = ["user_scope_quota_increase", "scope_package_quota_increase", "other"] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];

export type MessageWithAuthor = TicketMessage & { author: User };
export type FullTicket = Ticket & { creator: User; messages: MessageWithAuthor[] };

const full = { creator: true, messages: { include: { author: true }, orderBy: { createdAt: "asc" } } } as const;
// A message is text for people; this much is plenty, and keeps one request from storing megabytes.
const MAX_MESSAGE = 10_000;

function checkedMessage(message: string): string {
  const text = message.trim();
  if (!text) throw new WharfError("ticketMessageEmpty");
  if (text.length > MAX_MESSAGE) throw new WharfError("malformedRequest", `Malformed request: a message is at most ${MAX_MESSAGE} characters.`);
  return text;
}

/** meta must be an object of strings (upstream's TicketMetaNotValid otherwise). */
function checkedMeta(meta: unknown): Record<string, string> {
  if (typeof meta !== "object" || meta === null || Array.isArray(meta) || !Object.values(meta).every((v) => typeof v === "string")) {
    throw new WharfError("ticketMetaNotValid");
  }
  return meta as Record<string, string>;
}

export async function createTicket(ctx: ServiceContext, input: { kind: TicketKind; meta: unknown; message: string }): Promise<FullTicket> {
  const user = requireUser(ctx);
  const meta = checkedMeta(input.meta);
  const message = checkedMessage(input.message);
  return ctx.db.ticket.create({
    data: { kind: input.kind, creatorId: user.id, meta: meta as Prisma.InputJsonObject, messages: { create: { authorId: user.id, message } } },
    include: full,
  });
}

export async function listOwnTickets(ctx: ServiceContext): Promise<FullTicket[]> {
  const user = requireUser(ctx);
  return ctx.db.ticket.findMany({ where: { creatorId: user.id }, include: full, orderBy: { createdAt: "desc" } });
}

/** A ticket its creator or staff may see; to anyone else it does not exist. */
export async function getTicket(ctx: ServiceContext, id: string): Promise<FullTicket> {
  const user = requireUser(ctx);
  const ticket = await ctx.db.ticket.findUnique({ where: { id }, include: full });
  if (!ticket || (ticket.creatorId !== user.id && !user.isStaff)) throw new WharfError("ticketNotFound");
  return ticket;
}

export async function addTicketMessage(ctx: ServiceContext, id: string, text: string): Promise<MessageWithAuthor> {
  const ticket = await getTicket(ctx, id);
  const message = checkedMessage(text);
  const [created] = await ctx.db.$transaction([
    ctx.db.ticketMessage.create({ data: { ticketId: ticket.id, authorId: ctx.actor!.id, message }, include: { author: true } }),
    ctx.db.ticket.update({ where: { id: ticket.id }, data: { updatedAt: new Date() } }),
  ]);
  return created;
}
