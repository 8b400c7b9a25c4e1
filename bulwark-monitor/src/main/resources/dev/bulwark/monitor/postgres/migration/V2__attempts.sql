-- Delivery counts of the versions topic's messages (topic/partition@offset), written before a
-- worker begins a message, so that a version whose every attempt kills its worker process still
-- reaches the dead letter after maxAttempts. A row is deleted when its message is acked or
-- dead-lettered; what is left belongs to messages in flight.
CREATE TABLE attempts (
  message   text        PRIMARY KEY,
  attempts  integer     NOT NULL,
  updated   timestamptz NOT NULL DEFAULT now()
);
