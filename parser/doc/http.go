package doc

// The grammar of the lines of a page's HTTP examples and of its namespace
// line, shared by the text front end (which must recognise them in a
// capture without code fences) and extraction (which reads them). Each side
// anchors them as it needs: a whole line for the first, a prefix for the
// second.
const (
	// RequestMethod is an HTTP method of a request line.
	RequestMethod = `(?:GET|POST|PATCH|PUT|DELETE|HEAD|OPTIONS)`
	// RequestPath is the path of a request line, as in "PATCH
	// /users/{id | userPrincipalName}/x": a path parameter in braces may
	// hold spaces (alternative keys).
	RequestPath = `(?:\{[^{}\n]*\}|[^\s{]|\{)+`
	// HTTPVersion is "HTTP/1.1", as in a status line.
	HTTPVersion = `HTTP/\d(?:\.\d)?`
	// NamespaceName is the name on a "Namespace: microsoft.graph" line.
	NamespaceName = `[A-Za-z0-9_.]+`
)
