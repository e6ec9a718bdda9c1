package entente

import (
	"context"
	"time"
)

// Event is one entry of the append-only log of changes: who did what, when,
// to what, with the state before and after and why. Every change is written
// with its event in one transaction, so the log is the whole history: undo
// and replay read it.
type Event struct {
	Seq      int64     `json:"seq"`
	At       time.Time `json:"at"`
	UserID   int64     `json:"user_id,omitempty"`
	Actor    string    `json:"actor"` // the account's name, or the person at the command line
	Via      string    `json:"via,omitempty"`
	Action   string    `json:"action"`
	Entity   string    `json:"entity"`
	EntityID int64     `json:"entity_id,omitempty"`
	Before   string    `json:"before,omitempty"` // JSON
	After    string    `json:"after,omitempty"`  // JSON
	Why      string    `json:"why,omitempty"`
	// Document is the document the change concerns, 0 for none (accounts).
	Document int64 `json:"document,omitempty"`
	// Anchor is the sentence the change concerns, "" for none.
	Anchor string `json:"anchor,omitempty"`
}

// NewEvent returns an event of action on entity id made by the actor of ctx.
func NewEvent(ctx context.Context, action, entity string, id int64) *Event {
	a := ActorFromContext(ctx)
	return &Event{UserID: a.UserID, Actor: a.Name, Via: a.Via, Action: action, Entity: entity, EntityID: id}
}

// EventFilter selects events for a timeline.
type EventFilter struct {
	After    int64  // only events after this sequence number
	Document int64  // only events about this document (and its sentences)
	Anchor   string // only events about this sentence
	Entity   string
	Limit    int
}
