// Command khuyenhoc consolidates the returns of Vietnam's Association for Promoting Education
// (Hội Khuyến học): it hands out the return template, ingests and validates returns, rolls them up
// the hierarchy and into emulation clusters, checks them against targets and writes reports.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
