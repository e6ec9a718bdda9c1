package main

import (
	"context"
	"os"
	"os/user"
	"strings"

	"github.com/spf13/cobra"

	"github.com/entente/entente"
)

// cliActor is who runs a command: --as NAME, else $ENTENTE_USER, else the
// operating-system user, recorded as such (via "cli"). When the name is an
// account's, the change also carries the account's id.
func cliActor(ctx context.Context, cmd *cobra.Command, st store) entente.Actor {
	name, _ := cmd.Flags().GetString("as")
	if name == "" {
		name = os.Getenv("ENTENTE_USER")
	}
	if name == "" {
		if u, err := user.Current(); err == nil && u.Username != "" {
			name = "os:" + u.Username
		}
	}
	name = strings.TrimSpace(name)
	if name == "" {
		name = "os:unknown"
	}
	a := entente.Actor{Name: name, Via: "cli"}
	if st != nil {
		if u, err := st.UserByName(ctx, name); err == nil {
			a.UserID = u.ID
		}
	}
	return a
}

// exitCode is the one mapping from a domain error's code to the exit
// status: 2 bad input, 3 not found, 4 conflict, 5 not allowed, 6 try
// again later, 1 anything else.
func exitCode(err error) int {
	switch entente.ErrorCode(err) {
	case "":
		return 0
	case entente.EINVALID, entente.ETOOLARGE:
		return 2
	case entente.ENOTFOUND:
		return 3
	case entente.ECONFLICT:
		return 4
	case entente.EFORBIDDEN, entente.EUNAUTHORIZED:
		return 5
	case entente.EUNAVAILABLE, entente.ECOMPUTING:
		return 6
	}
	return 1
}
