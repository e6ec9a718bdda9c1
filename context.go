package entente

import "context"

// The account or person making a change travels in the context, set once
// where a request or a command comes in (the web middleware, every CLI
// command), so that every stage below records who did what without being
// handed it as an argument.

type contextKey int

const (
	userKey contextKey = iota + 1
	actorKey
)

// Actor is who makes a change: an account signed in to the server, or a
// person at the command line (by --as, $ENTENTE_USER or the operating-system
// user). It is what the event log records.
type Actor struct {
	UserID int64  `json:"user_id,omitempty"` // the account, 0 when the actor has none
	Name   string `json:"name"`
	// Via says how the change came in: "web", "api", "cli" or "system".
	Via string `json:"via"`
}

// Anonymous is the actor of a context that names nobody.
var Anonymous = Actor{Name: "anonymous", Via: "system"}

// NewContextWithUser returns a context that carries the signed-in account,
// which is also the context's actor (via "web" unless an actor says more).
func NewContextWithUser(ctx context.Context, u *User) context.Context {
	return context.WithValue(ctx, userKey, u)
}

// UserFromContext returns the signed-in account, or nil.
func UserFromContext(ctx context.Context) *User {
	u, _ := ctx.Value(userKey).(*User)
	return u
}

// NewContextWithActor returns a context whose changes are recorded as a's.
func NewContextWithActor(ctx context.Context, a Actor) context.Context {
	return context.WithValue(ctx, actorKey, a)
}

// ActorFromContext returns who acts in ctx: the actor set on it, else the
// signed-in account, else Anonymous.
func ActorFromContext(ctx context.Context) Actor {
	if a, ok := ctx.Value(actorKey).(Actor); ok {
		return a
	}
	if u := UserFromContext(ctx); u != nil {
		return Actor{UserID: u.ID, Name: u.Name, Via: "web"}
	}
	return Anonymous
}
