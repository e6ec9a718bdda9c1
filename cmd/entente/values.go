package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/entente/entente"
)

// choiceFlag is a flag whose value is a code of one of the domain's closed
// lists: its help names the choices and a value that is none of them is
// refused with the choices, before anything runs.
type choiceFlag struct {
	value *string
	list  entente.ValueList
}

func (f choiceFlag) String() string { return *f.value }
func (f choiceFlag) Type() string   { return "code" }

func (f choiceFlag) Set(s string) error {
	if s != "" && !f.list.Has(s) {
		return entente.Errorf(entente.EINVALID, "%q is not one of %s", s, strings.Join(f.list.Codes(), ", "))
	}
	*f.value = s
	return nil
}

// choice adds a flag that takes one code of list.
func choice(cmd *cobra.Command, p *string, name, what string, list entente.ValueList) {
	cmd.Flags().Var(choiceFlag{value: p, list: list}, name, fmt.Sprintf("%s: %s", what, strings.Join(list.Codes(), ", ")))
}
