// Package report holds the result of a run: the inputs' file results and the findings,
// kept in memory up to a bound and then in a temporary file (the spool), so that the memory
// a run takes does not grow with its number of certificates.
//
// Writing (the engine, the configuration):
//
//	rep := report.New(tool, now, report.Options{Processors: cfg.Processors()})
//	defer rep.Close()                  // removes the temporary file
//	err := rep.AddObjects(file, objs)  // a large file's objects, in parts, before its AddFile
//	err = rep.AddFile(fileResult)      // in input order
//	err = rep.Add(findings...)         // any order; the error is a failed spool write
//	rep.Skip(file, reason)             // a file a directory scan left out
//
// Each finding Add is given passes once through the processor chain, in order, before it
// is counted or kept: SeverityOverrides, then Waivers (a waived finding is listed by Waived
// and counted, never kept). The last step, the order (file, line, code, detail), is applied
// when the findings are read, so findings may be added in parts, in any order, and read
// at any time.
//
// Reading (the output formats): EachFile (input order; EachFileStream hands the objects
// added in parts one at a time), EachFinding (the report's order), FindingFiles and
// EachFileFinding (one file's findings, merged from the spool's sorted runs as they are
// read; FileFindings collects them), Waived, Skipped, and the counts:
// Summary, NumFiles, NumObjects, NumFindings, Codes, CodeCounts, ErrorFiles, ExitCode. There
// is no slice of all findings: a spilled report holds only part of them in memory. AllFiles
// and AllFindings collect everything, for tests and small reports.
//
// A finding holds no text: the formats render it with lint.Finding.Text in their language.
package report
