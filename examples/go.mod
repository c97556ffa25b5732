module example.com/intune-tool

go 1.24.0

tool github.com/docgen-dev/docgen/cmd/docgen

require (
	github.com/PuerkitoBio/goquery v1.11.0 // indirect
	github.com/andybalholm/cascadia v1.3.3 // indirect
	github.com/dave/jennifer v1.7.1 // indirect
	github.com/docgen-dev/docgen v0.0.0 // indirect
	github.com/pmezard/go-difflib v1.0.0 // indirect
	github.com/yuin/goldmark v1.8.7 // indirect
	golang.org/x/net v0.48.0 // indirect
)

replace github.com/docgen-dev/docgen => ../
