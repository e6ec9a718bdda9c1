package entente

import (
	"context"
	"time"
)

// Role is what an account may do (product.md: Who uses it).
type Role string

// Roles, from the least to the most trusted. Each can do what the ones
// before it can.
const (
	RoleViewer  Role = "viewer"  // reads, searches and exports
	RoleAnalyst Role = "analyst" // and uploads, corrects, records statuses and evidence
	RoleEditor  Role = "editor"  // and deletes, merges registry entries, approves corrections
	RoleAdmin   Role = "admin"   // and manages accounts and settings
)

// Roles lists the roles in order of trust.
var Roles = []Role{RoleViewer, RoleAnalyst, RoleEditor, RoleAdmin}

// Rank orders roles: viewer 1 … admin 4; 0 for anything else (anonymous).
func (r Role) Rank() int {
	for i, x := range Roles {
		if x == r {
			return i + 1
		}
	}
	return 0
}

// Valid reports whether r is one of the roles.
func (r Role) Valid() bool { return r.Rank() > 0 }

// AtLeast reports whether r has the trust of min or more.
func (r Role) AtLeast(min Role) bool { return r.Rank() >= min.Rank() && r.Rank() > 0 }

// User is an account.
type User struct {
	ID        int64     `json:"id"`
	Name      string    `json:"name"`
	Role      Role      `json:"role"`
	Disabled  bool      `json:"disabled"`
	CreatedAt time.Time `json:"created_at"`
	// PasswordHash is the argon2id PHC string; never leaves the server.
	PasswordHash string `json:"-"`
}

// APIToken is a personal token for scripts. Only its hash is stored; the
// token itself is shown once, when it is made.
type APIToken struct {
	ID        int64      `json:"id"`
	UserID    int64      `json:"user_id"`
	Name      string     `json:"name"`
	Hash      string     `json:"-"`
	CreatedAt time.Time  `json:"created_at"`
	LastUsed  *time.Time `json:"last_used,omitempty"`
	Revoked   bool       `json:"revoked"`
}

// UserStore keeps accounts.
type UserStore interface {
	CreateUser(ctx context.Context, u *User) (int64, error)
	UserByName(ctx context.Context, name string) (*User, error)
	UserByID(ctx context.Context, id int64) (*User, error)
	Users(ctx context.Context) ([]User, error)
	CountUsers(ctx context.Context) (int, error)
	// SetPassword and ChangePassword replace the password and end every
	// token and session (ChangePassword keeps the session hashed keep).
	SetPassword(ctx context.Context, userID int64, hash string) error
	ChangePassword(ctx context.Context, userID int64, hash, keep string) error
	SetDisabled(ctx context.Context, userID int64, disabled bool) error
}

// SessionStore keeps browser sessions, by the sha256 of their token.
type SessionStore interface {
	CreateSession(ctx context.Context, tokenHash string, userID int64, expires time.Time) error
	SessionUser(ctx context.Context, tokenHash string, now time.Time) (*User, error)
	DeleteSession(ctx context.Context, tokenHash string) error
	DeleteUserSessions(ctx context.Context, userID int64) error
}

// TokenStore keeps personal API tokens, by their hash.
type TokenStore interface {
	CreateToken(ctx context.Context, t *APIToken) (int64, error)
	// TokenUser only reads; TouchTokens records last uses in a batch.
	TokenUser(ctx context.Context, hash string, now time.Time) (*User, error)
	TouchTokens(ctx context.Context, used map[string]time.Time) error
	Tokens(ctx context.Context, userID int64) ([]APIToken, error)
	RevokeToken(ctx context.Context, userID, tokenID int64) error
}

// AccountStore keeps accounts, sessions, tokens and the event log: what
// both stores implement for the server and the CLI.
type AccountStore interface {
	UserStore
	SessionStore
	TokenStore

	AppendEvent(ctx context.Context, e *Event) (int64, error)
	Events(ctx context.Context, after int64, limit int) ([]Event, error)
}
