package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/entente/entente"
)

// Accounts, sessions, API tokens and the event log: entente.AccountStore.

// ErrNameTaken is a user name already in use.
var ErrNameTaken = errors.New("name already taken")

// CreateUser adds an account.
func (s *Store) CreateUser(ctx context.Context, u *entente.User) (int64, error) {
	if !u.Role.Valid() {
		return 0, fmt.Errorf("create user: unknown role %q", u.Role)
	}
	now := s.now()
	var id int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM users WHERE name = $1`, u.Name).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("user %q: %w", u.Name, ErrNameTaken)
		}
		if err := tx.QueryRowContext(ctx, `
			INSERT INTO users (name, role, password_hash, disabled, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $5)
			RETURNING id`, u.Name, string(u.Role), u.PasswordHash, u.Disabled, now).Scan(&id); err != nil {
			return err
		}
		return s.logChange(ctx, tx, "create", "user", id, nil, map[string]any{"name": u.Name, "role": u.Role}, "")
	})
	if err != nil {
		return 0, fmt.Errorf("create user: %w", err)
	}
	u.ID, u.CreatedAt = id, now
	return id, nil
}

const userColumns = `id, name, role, password_hash, disabled, created_at`

func scanUser(row interface{ Scan(...any) error }) (*entente.User, error) {
	var u entente.User
	var role string
	if err := row.Scan(&u.ID, &u.Name, &role, &u.PasswordHash, &u.Disabled, &u.CreatedAt); err != nil {
		return nil, err
	}
	u.Role, u.CreatedAt = entente.Role(role), u.CreatedAt.UTC()
	return &u, nil
}

func (s *Store) findUser(ctx context.Context, where string, arg any) (*entente.User, error) {
	u, err := scanUser(s.rdb.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE `+where, arg))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("user", arg)
	}
	return u, err
}

// UserByName finds an account by name.
func (s *Store) UserByName(ctx context.Context, name string) (*entente.User, error) {
	return s.findUser(ctx, `name = $1`, name)
}

// UserByID finds an account by id.
func (s *Store) UserByID(ctx context.Context, id int64) (*entente.User, error) {
	return s.findUser(ctx, `id = $1`, id)
}

// Users lists the accounts by name.
func (s *Store) Users(ctx context.Context) ([]entente.User, error) {
	rows, err := s.rdb.QueryContext(ctx, `SELECT `+userColumns+` FROM users ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	defer rows.Close()
	var out []entente.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("list users: %w", err)
		}
		out = append(out, *u)
	}
	return out, rows.Err()
}

// CountUsers counts the accounts: none means the instance is not set up.
func (s *Store) CountUsers(ctx context.Context) (int, error) {
	var n int
	err := s.rdb.QueryRowContext(ctx, `SELECT count(*) FROM users`).Scan(&n)
	return n, err
}

// updateUser sets one column of an account and logs the change as action
// (after is what the log shows of the new value: never a password hash).
func (s *Store) updateUser(ctx context.Context, id int64, set string, v any, action string, after any) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE users SET `+set+` = $1, updated_at = $2 WHERE id = $3`, v, s.now(), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound("user", id)
		}
		return s.logChange(ctx, tx, action, "user", id, nil, after, "")
	})
}

// SetPassword replaces an account's password hash and ends everything the
// old password opened: every session and every API token.
func (s *Store) SetPassword(ctx context.Context, userID int64, hash string) error {
	return s.ChangePassword(ctx, userID, hash, "")
}

// ChangePassword replaces an account's password hash, revokes its API
// tokens and ends its sessions but the one whose token hash is keep (the
// session that changed it; "" for none), all in one transaction: whoever
// held the old password or a token made with it is out.
func (s *Store) ChangePassword(ctx context.Context, userID int64, hash, keep string) error {
	now := s.now()
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3`, hash, now, userID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound("user", userID)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL`, now, userID); err != nil {
			return err
		}
		if _, err = tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2`, userID, keep); err != nil {
			return err
		}
		return s.logChange(ctx, tx, "change_password", "user", userID, nil, map[string]string{"tokens": "revoked", "other_sessions": "ended"}, "")
	})
	if err != nil {
		return fmt.Errorf("change password: %w", err)
	}
	return nil
}

// SetDisabled disables or enables an account. Disabling also ends its
// sessions: a disabled account's cookie must open nothing.
func (s *Store) SetDisabled(ctx context.Context, userID int64, disabled bool) error {
	action := "enable"
	if disabled {
		action = "disable"
	}
	if err := s.updateUser(ctx, userID, "disabled", disabled, action, map[string]any{"disabled": disabled}); err != nil {
		return err
	}
	if disabled {
		return s.DeleteUserSessions(ctx, userID)
	}
	return nil
}

// CreateSession records a session by the hash of its token.
func (s *Store) CreateSession(ctx context.Context, tokenHash string, userID int64, expires time.Time) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO sessions (token_hash, user_id, data, expiry) VALUES ($1, $2, $3, $4)`,
			tokenHash, userID, []byte("{}"), expires.UTC())
		return err
	})
}

// SessionUser returns the enabled account of a live session.
func (s *Store) SessionUser(ctx context.Context, tokenHash string, now time.Time) (*entente.User, error) {
	u, err := scanUser(s.rdb.QueryRowContext(ctx, `
		SELECT u.id, u.name, u.role, u.password_hash, u.disabled, u.created_at
		FROM sessions s JOIN users u ON u.id = s.user_id
		WHERE s.token_hash = $1 AND s.expiry > $2 AND NOT u.disabled`, tokenHash, now.UTC()))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("session", "…")
	}
	return u, err
}

// DeleteSession ends a session.
func (s *Store) DeleteSession(ctx context.Context, tokenHash string) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = $1`, tokenHash)
		return err
	})
}

// DeleteUserSessions ends every session of an account.
func (s *Store) DeleteUserSessions(ctx context.Context, userID int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, userID)
		return err
	})
}

// CreateToken records a personal API token by its hash.
func (s *Store) CreateToken(ctx context.Context, t *entente.APIToken) (int64, error) {
	now := s.now()
	var id int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `
			INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4)
			RETURNING id`, t.UserID, t.Name, t.Hash, now).Scan(&id); err != nil {
			return err
		}
		return s.logChange(ctx, tx, "create", "api_token", id, nil, map[string]any{"name": t.Name, "user_id": t.UserID}, "")
	})
	if err != nil {
		return 0, fmt.Errorf("create token: %w", err)
	}
	t.ID, t.CreatedAt = id, now
	return id, nil
}

// TokenUser returns the enabled account of an unrevoked token. It only
// reads: a token is checked on every request of a script, and a write each
// time would queue behind every other writer (an upload holds SQLite's
// write lock for seconds). The web server notes last uses in memory and
// records them with TouchTokens.
func (s *Store) TokenUser(ctx context.Context, hash string, now time.Time) (*entente.User, error) {
	u, err := scanUser(s.rdb.QueryRowContext(ctx, `
		SELECT u.id, u.name, u.role, u.password_hash, u.disabled, u.created_at
		FROM api_tokens t JOIN users u ON u.id = t.user_id
		WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > $2)
		  AND NOT u.disabled`, hash, now.UTC()))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("token", "…")
	}
	if err != nil {
		return nil, fmt.Errorf("token user: %w", err)
	}
	return u, nil
}

// TouchTokens records when tokens were last used, by their hashes, in one
// transaction; a time never moves back.
func (s *Store) TouchTokens(ctx context.Context, used map[string]time.Time) error {
	if len(used) == 0 {
		return nil
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		for hash, at := range used {
			if _, err := tx.ExecContext(ctx, `UPDATE api_tokens SET last_used_at = $1
				WHERE token_hash = $2 AND (last_used_at IS NULL OR last_used_at < $1)`, at.UTC(), hash); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("touch tokens: %w", err)
	}
	return nil
}

// Tokens lists an account's tokens, newest first.
func (s *Store) Tokens(ctx context.Context, userID int64) ([]entente.APIToken, error) {
	rows, err := s.rdb.QueryContext(ctx, `
		SELECT id, user_id, name, created_at, last_used_at, revoked_at
		FROM api_tokens WHERE user_id = $1 ORDER BY id DESC`, userID)
	if err != nil {
		return nil, fmt.Errorf("list tokens: %w", err)
	}
	defer rows.Close()
	var out []entente.APIToken
	for rows.Next() {
		var t entente.APIToken
		var used, revoked sql.NullTime
		if err := rows.Scan(&t.ID, &t.UserID, &t.Name, &t.CreatedAt, &used, &revoked); err != nil {
			return nil, fmt.Errorf("list tokens: %w", err)
		}
		t.CreatedAt = t.CreatedAt.UTC()
		if used.Valid {
			lu := used.Time.UTC()
			t.LastUsed = &lu
		}
		t.Revoked = revoked.Valid
		out = append(out, t)
	}
	return out, rows.Err()
}

// RevokeToken revokes one of an account's tokens.
func (s *Store) RevokeToken(ctx context.Context, userID, tokenID int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL`,
			s.now(), tokenID, userID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound("token", tokenID)
		}
		return s.logChange(ctx, tx, "revoke", "api_token", tokenID, nil, nil, "")
	})
}

func emptyNull(s string) any {
	if s == "" {
		return nil
	}
	return s
}

var _ entente.AccountStore = (*Store)(nil)
