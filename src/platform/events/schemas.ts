import { Type } from 'typebox';

const Ticket = Type.String({
  maxLength: 200,
  description: 'A ticket from POST /v1/stream/tickets',
});
const LastEventId = Type.String({
  pattern: '^\\d{1,15}$',
  description: 'Replay the events after this id (as the Last-Event-ID header does)',
});

export const TicketResponse = Type.Object({
  ticket: Type.String({ description: 'Use once, as ?ticket=, on /v1/stream or /v1/stream/sse' }),
  expires_at: Type.String({ format: 'date-time' }),
});

export const WebSocketQuery = Type.Object({ ticket: Type.Optional(Ticket) });

export const EventStreamQuery = Type.Object({
  topics: Type.String({
    minLength: 1,
    maxLength: 20_000,
    description: 'Comma-separated topics: user:<id>, org:<id>, <module>:<id>',
  }),
  ticket: Type.Optional(Ticket),
  last_event_id: Type.Optional(LastEventId),
});

export const EventStreamHeaders = Type.Object({
  'last-event-id': Type.Optional(LastEventId),
});
