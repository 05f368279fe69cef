package html

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// browser is headless Chromium driven through the DevTools protocol over a pipe
// (--remote-debugging-pipe: commands in on fd 3, answers and events out on fd 4, each message
// JSON ended by a NUL byte), with the standard library only.
type browser struct {
	cmd     *exec.Cmd
	in      io.WriteCloser
	mu      sync.Mutex
	next    int
	waiting map[int]chan message
	events  chan message
	done    chan struct{}
}

type message struct {
	ID        int             `json:"id,omitempty"`
	Method    string          `json:"method,omitempty"`
	Params    json.RawMessage `json:"params,omitempty"`
	SessionID string          `json:"sessionId,omitempty"`
	Result    json.RawMessage `json:"result,omitempty"`
	Error     *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

// shared is the one browser the package's tests open their pages in; TestMain stops it.
var shared struct {
	mu   sync.Mutex
	b    *browser
	stop func()
}

// startBrowser is the package's headless Chromium, started at the first call.
func startBrowser(t testing.TB, chromium string) *browser {
	t.Helper()
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if shared.b == nil {
		b, stop, err := launch(chromium)
		if err != nil {
			t.Fatal(err)
		}
		shared.b, shared.stop = b, stop
	}
	return shared.b
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.stop != nil {
		shared.stop()
	}
	os.Exit(code)
}

// launch starts chromium headless with a profile of its own, and says how to stop it.
func launch(chromium string) (*browser, func(), error) {
	profile, err := os.MkdirTemp("", "khuyenhoc-chromium-")
	if err != nil {
		return nil, nil, err
	}
	toBrowser, browserIn, err := os.Pipe()
	if err != nil {
		return nil, nil, err
	}
	browserOut, fromBrowser, err := os.Pipe()
	if err != nil {
		return nil, nil, err
	}
	args := []string{"--headless=new", "--remote-debugging-pipe", "--user-data-dir=" + profile,
		"--no-first-run", "--no-default-browser-check", "--disable-gpu", "--disable-extensions",
		"--disable-background-networking", "--disable-sync", "--disable-component-update",
		"--disable-default-apps", "--mute-audio", "--disable-dev-shm-usage", "--font-render-hinting=none", "about:blank"}
	if os.Geteuid() == 0 {
		args = append([]string{"--no-sandbox"}, args...) // Chromium's sandbox refuses root
	}
	cmd := exec.Command(chromium, args...)
	cmd.ExtraFiles = []*os.File{toBrowser, fromBrowser} // fd 3, fd 4
	if err := cmd.Start(); err != nil {
		return nil, nil, err
	}
	toBrowser.Close()
	fromBrowser.Close()
	b := &browser{cmd: cmd, in: browserIn, waiting: map[int]chan message{}, events: make(chan message, 1024), done: make(chan struct{})}
	go b.read(browserOut)
	stop := func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		b.call(ctx, "", "Browser.close", map[string]any{}, nil)
		cancel()
		b.in.Close()
		exited := make(chan struct{})
		go func() { cmd.Wait(); close(exited) }()
		select {
		case <-exited:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-exited
		}
		browserOut.Close()
		os.RemoveAll(profile)
	}
	return b, stop, nil
}

func (b *browser) read(r io.Reader) {
	defer close(b.done)
	br := bufio.NewReaderSize(r, 1<<20)
	for {
		raw, err := br.ReadBytes(0)
		if err != nil {
			return
		}
		var m message
		if json.Unmarshal(raw[:len(raw)-1], &m) != nil {
			continue
		}
		if m.ID != 0 {
			b.mu.Lock()
			ch := b.waiting[m.ID]
			delete(b.waiting, m.ID)
			b.mu.Unlock()
			if ch != nil {
				ch <- m
			}
			continue
		}
		select {
		case b.events <- m:
		default: // nobody listens to so many events; drop the oldest
			<-b.events
			b.events <- m
		}
	}
}

// call sends a command (to the browser, or to a page's session) and decodes its result into out.
func (b *browser) call(ctx context.Context, session, method string, params, out any) error {
	b.mu.Lock()
	b.next++
	id := b.next
	ch := make(chan message, 1)
	b.waiting[id] = ch
	b.mu.Unlock()
	p, err := json.Marshal(params)
	if err != nil {
		return err
	}
	msg, err := json.Marshal(message{ID: id, Method: method, Params: p, SessionID: session})
	if err != nil {
		return err
	}
	if _, err := b.in.Write(append(msg, 0)); err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	select {
	case m := <-ch:
		if m.Error != nil {
			return fmt.Errorf("%s: %s", method, m.Error.Message)
		}
		if out != nil {
			return json.Unmarshal(m.Result, out)
		}
		return nil
	case <-b.done:
		return fmt.Errorf("%s: the browser has gone", method)
	case <-ctx.Done():
		return fmt.Errorf("%s: %w", method, ctx.Err())
	}
}

// tab is a page of the browser, with the requests it made and what its console said.
type tab struct {
	b        *browser
	target   string
	session  string
	requests []string
	logs     []string
}

// newTab opens a page in a window of width × height CSS pixels; mobile emulates a phone
// (the page's viewport meta is honoured, as on a phone).
func (b *browser) newTab(ctx context.Context, width, height int, mobile bool) (*tab, error) {
	var target struct{ TargetID string }
	if err := b.call(ctx, "", "Target.createTarget", map[string]any{"url": "about:blank"}, &target); err != nil {
		return nil, err
	}
	var attached struct{ SessionID string }
	if err := b.call(ctx, "", "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &attached); err != nil {
		return nil, err
	}
	t := &tab{b: b, target: target.TargetID, session: attached.SessionID}
	for _, m := range []string{"Page.enable", "Network.enable", "Log.enable", "Runtime.enable"} {
		if err := b.call(ctx, t.session, m, map[string]any{}, nil); err != nil {
			return nil, err
		}
	}
	err := b.call(ctx, t.session, "Emulation.setDeviceMetricsOverride", map[string]any{
		"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile,
	}, nil)
	return t, err
}

// close closes the page.
func (t *tab) close(ctx context.Context) error {
	return t.b.call(ctx, "", "Target.closeTarget", map[string]any{"targetId": t.target}, nil)
}

// open loads url and waits for its load event, recording every request the page makes and
// every message of its console.
func (t *tab) open(ctx context.Context, url string) error {
	if err := t.b.call(ctx, t.session, "Page.navigate", map[string]any{"url": url}, nil); err != nil {
		return err
	}
	for {
		select {
		case m := <-t.b.events:
			if m.SessionID != t.session {
				continue
			}
			switch m.Method {
			case "Network.requestWillBeSent":
				var p struct{ Request struct{ URL string } }
				json.Unmarshal(m.Params, &p)
				t.requests = append(t.requests, p.Request.URL)
			case "Log.entryAdded":
				var p struct {
					Entry struct{ Level, Text, URL string }
				}
				json.Unmarshal(m.Params, &p)
				t.logs = append(t.logs, p.Entry.Level+": "+p.Entry.Text+" "+p.Entry.URL)
			case "Runtime.consoleAPICalled", "Runtime.exceptionThrown":
				t.logs = append(t.logs, m.Method+": "+string(m.Params))
			case "Page.loadEventFired":
				return t.drain(ctx)
			}
		case <-ctx.Done():
			return fmt.Errorf("waiting for the page to load: %w", ctx.Err())
		}
	}
}

// drain records what the page does just after its load event (a late request would show here).
func (t *tab) drain(ctx context.Context) error {
	var ok bool
	if err := t.eval(ctx, `new Promise(r => setTimeout(() => r(true), 300))`, &ok); err != nil {
		return err
	}
	for {
		select {
		case m := <-t.b.events:
			if m.SessionID == t.session && m.Method == "Network.requestWillBeSent" {
				var p struct{ Request struct{ URL string } }
				json.Unmarshal(m.Params, &p)
				t.requests = append(t.requests, p.Request.URL)
			}
		default:
			return nil
		}
	}
}

// eval runs a script in the page (awaiting a promise) and decodes its value into out.
func (t *tab) eval(ctx context.Context, expr string, out any) error {
	var r struct {
		Result struct {
			Value json.RawMessage
		}
		ExceptionDetails *struct{ Text string }
	}
	if err := t.b.call(ctx, t.session, "Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true, "awaitPromise": true}, &r); err != nil {
		return err
	}
	if r.ExceptionDetails != nil {
		return fmt.Errorf("script failed: %s", r.ExceptionDetails.Text)
	}
	return json.Unmarshal(r.Result.Value, out)
}

// screenshot captures the whole page, width × its full height, as PNG.
func (t *tab) screenshot(ctx context.Context, width int) ([]byte, error) {
	var height float64
	if err := t.eval(ctx, `document.documentElement.scrollHeight`, &height); err != nil {
		return nil, err
	}
	var r struct{ Data string }
	err := t.b.call(ctx, t.session, "Page.captureScreenshot", map[string]any{
		"format": "png", "captureBeyondViewport": true,
		"clip": map[string]any{"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
	}, &r)
	if err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(r.Data)
}

// printPDF prints the page as Chromium does for A4 paper, with the page's own @page rule.
func (t *tab) printPDF(ctx context.Context) ([]byte, error) {
	var r struct{ Data string }
	err := t.b.call(ctx, t.session, "Page.printToPDF", map[string]any{"preferCSSPageSize": true, "printBackground": false}, &r)
	if err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(r.Data)
}

// keep writes a file the test made into KHUYENHOC_SCREENSHOTS (when set) so that a person can
// look at it, or into the test's temporary folder.
func keep(t testing.TB, name string, data []byte) string {
	t.Helper()
	dir := os.Getenv("KHUYENHOC_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
