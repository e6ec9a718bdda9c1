package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/entente/entente"
	"github.com/entente/entente/auth"
)

func newUserCommand() *cobra.Command {
	cmd := &cobra.Command{Use: "user", Short: "Manage accounts: add, list, passwd, disable"}
	cmd.AddCommand(newUserAddCommand(), newUserListCommand(), newUserPasswdCommand(), newUserDisableCommand())
	return cmd
}

// readPassword asks twice on a terminal, or reads one line from a pipe, so
// that scripts can set passwords (echo "$PW" | entente user add …).
func readPassword(cmd *cobra.Command) (string, error) {
	in := cmd.InOrStdin()
	if f, ok := in.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(cmd.ErrOrStderr(), "Password: ")
		a, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(cmd.ErrOrStderr())
		if err != nil {
			return "", err
		}
		fmt.Fprint(cmd.ErrOrStderr(), "Again: ")
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(cmd.ErrOrStderr())
		if err != nil {
			return "", err
		}
		if string(a) != string(b) {
			return "", errors.New("the passwords differ")
		}
		return string(a), auth.CheckPasswordPolicy(string(a))
	}
	line, err := bufio.NewReader(in).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read password: %w", err)
	}
	pw := strings.TrimRight(line, "\r\n")
	return pw, auth.CheckPasswordPolicy(pw)
}

func newUserAddCommand() *cobra.Command {
	var (
		dsn, role string
		asJSON    bool
	)
	cmd := &cobra.Command{
		Use:   "add NAME --role viewer|analyst|editor|admin",
		Short: "Add an account (asks for the password, or reads it from standard input)",
		Args:  cobra.ExactArgs(1),
		RunE: writeRunE(&dsn, func(cmd *cobra.Command, st store, args []string) error {
			r := entente.Role(role)
			if !r.Valid() {
				return fmt.Errorf("--role must be viewer, analyst, editor or admin, not %q", role)
			}
			name := strings.TrimSpace(args[0])
			if name == "" || len(name) > 64 || strings.ContainsAny(name, " \t\n/:") {
				return fmt.Errorf("%q is not a usable account name", args[0])
			}
			pw, err := readPassword(cmd)
			if err != nil {
				return err
			}
			hash, err := auth.Hash(pw, auth.Default)
			if err != nil {
				return err
			}
			id, err := st.CreateUser(cmd.Context(), &entente.User{Name: name, Role: r, PasswordHash: hash})
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), map[string]any{"id": id, "name": name, "role": r})
			}
			fmt.Fprintf(cmd.OutOrStdout(), "added %s (%s), account %d\n", name, r, id)
			return nil
		}),
	}
	dbFlag(cmd, &dsn)
	cmd.Flags().StringVar(&role, "role", "", "viewer, analyst, editor or admin")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	_ = cmd.MarkFlagRequired("role")
	return cmd
}

func newUserListCommand() *cobra.Command {
	var (
		dsn    string
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the accounts",
		Args:  cobra.NoArgs,
		RunE: storeRunE(&dsn, func(cmd *cobra.Command, st store, args []string) error {
			users, err := st.Users(cmd.Context())
			if err != nil {
				return err
			}
			if asJSON {
				if users == nil {
					users = []entente.User{}
				}
				return writeJSON(cmd.OutOrStdout(), users)
			}
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tNAME\tROLE\tSTATE\tCREATED")
			for _, u := range users {
				state := "active"
				if u.Disabled {
					state = "disabled"
				}
				fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", u.ID, u.Name, u.Role, state, u.CreatedAt.Format("2006-01-02"))
			}
			return tw.Flush()
		}),
	}
	dbFlag(cmd, &dsn)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func newUserPasswdCommand() *cobra.Command {
	var (
		dsn    string
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "passwd NAME",
		Short: "Set an account's password (ends its sessions and revokes its API tokens)",
		Args:  cobra.ExactArgs(1),
		RunE: writeRunE(&dsn, func(cmd *cobra.Command, st store, args []string) error {
			u, err := userNamed(cmd.Context(), st, args[0])
			if err != nil {
				return err
			}
			pw, err := readPassword(cmd)
			if err != nil {
				return err
			}
			hash, err := auth.Hash(pw, auth.Default)
			if err != nil {
				return err
			}
			// SetPassword also ends the account's sessions and revokes its
			// API tokens: whoever held the old password is out
			if err := st.SetPassword(cmd.Context(), u.ID, hash); err != nil {
				return err
			}
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), map[string]any{"id": u.ID, "name": u.Name, "password_changed": true,
					"sessions_ended": true, "tokens_revoked": true})
			}
			fmt.Fprintf(cmd.OutOrStdout(), "password of %s changed; its sessions ended and its API tokens revoked\n", u.Name)
			return nil
		}),
	}
	dbFlag(cmd, &dsn)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func newUserDisableCommand() *cobra.Command {
	var (
		dsn            string
		enable, asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "disable NAME",
		Short: "Disable an account: its sessions end and its tokens stop working (--enable to undo)",
		Args:  cobra.ExactArgs(1),
		RunE: writeRunE(&dsn, func(cmd *cobra.Command, st store, args []string) error {
			u, err := userNamed(cmd.Context(), st, args[0])
			if err != nil {
				return err
			}
			if err := st.SetDisabled(cmd.Context(), u.ID, !enable); err != nil {
				return err
			}
			word := "disabled"
			if enable {
				word = "enabled"
			}
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), map[string]any{"id": u.ID, "name": u.Name, "disabled": !enable})
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s %s\n", u.Name, word)
			return nil
		}),
	}
	dbFlag(cmd, &dsn)
	cmd.Flags().BoolVar(&enable, "enable", false, "enable the account again")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// userNamed finds an account by name, with an error a user can read.
func userNamed(ctx context.Context, st store, name string) (*entente.User, error) {
	u, err := st.UserByName(ctx, name)
	if errors.Is(err, entente.ErrNotFound) {
		return nil, fmt.Errorf("no account %q", name)
	}
	return u, err
}
