package web

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente/export"
)

// An export that takes longer than the server's write timeout, rows
// coming slowly (a large library read a page at a time), arrives whole, in
// each format: its writes push the connection's deadline on. A server
// whose timeout an export did not push cut it off with a truncated body.
func TestExportOutlivesWriteTimeout(t *testing.T) {
	h := newHarness(t, openSQLite(t), false)
	const rows = 12
	for _, format := range export.Formats {
		t.Run(format, func(t *testing.T) {
			ts := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				h.srv.writeTablesAs(w, r, format, "slow", func(ctx context.Context, tw export.TableWriter) error {
					if err := tw.Begin(export.Table{Name: "slow", Columns: []export.Column{{Name: "row", Kind: export.Text}}}); err != nil {
						return err
					}
					for i := range rows {
						time.Sleep(120 * time.Millisecond)
						if err := tw.Row([]any{fmt.Sprintf("row-%02d", i)}); err != nil {
							return err
						}
					}
					return nil
				})
			}))
			ts.Config.WriteTimeout = 400 * time.Millisecond
			ts.Start()
			defer ts.Close()
			resp, err := http.Get(ts.URL)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			if err != nil {
				t.Fatalf("after %d bytes: %v", len(body), err)
			}
			if format == "xlsx" {
				if len(body) < 1000 || !strings.HasPrefix(string(body), "PK") {
					t.Errorf("an XLSX of %d bytes", len(body))
				}
				return
			}
			if !strings.Contains(string(body), fmt.Sprintf("row-%02d", rows-1)) {
				t.Errorf("the last row is missing: %d bytes\n%s", len(body), body)
			}
		})
	}
}
