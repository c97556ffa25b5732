module github.com/docgen-dev/docgen

go 1.24.0

require (
	github.com/PuerkitoBio/goquery v1.11.0
	github.com/dave/jennifer v1.7.1
	github.com/pmezard/go-difflib v1.0.0
	github.com/stretchr/testify v1.12.1
	github.com/yuin/goldmark v1.8.7
	golang.org/x/net v0.48.0
	golang.org/x/tools v0.40.0
)

require (
	github.com/andybalholm/cascadia v1.3.3 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
)
