package main

import (
	"context"
	"net/http"
)

// bearer is an http.RoundTripper that adds "Authorization: Bearer <token>"
// to every request, with a token from token. It is how a generated Client
// gets credentials without the generated code importing anything but the
// standard library: with Azure's identity library, for example,
//
//	cred, _ := azidentity.NewDefaultAzureCredential(nil)
//	token := func(ctx context.Context) (string, error) {
//		t, err := cred.GetToken(ctx, policy.TokenRequestOptions{
//			Scopes: []string{"https://graph.microsoft.com/.default"},
//		})
//		return t.Token, err
//	}
//	c := graphhttp.NewClient("", &http.Client{Transport: &bearer{token: token}})
//
// (golang.org/x/oauth2's Transport does the same for any OAuth2 token
// source.)
type bearer struct {
	token func(context.Context) (string, error)
	// base sends the requests; nil means http.DefaultTransport.
	base http.RoundTripper
}

func (b *bearer) RoundTrip(req *http.Request) (*http.Response, error) {
	tok, err := b.token(req.Context())
	if err != nil {
		return nil, err
	}
	// A RoundTripper must not change the request it is given.
	req = req.Clone(req.Context())
	req.Header.Set("Authorization", "Bearer "+tok)
	base := b.base
	if base == nil {
		base = http.DefaultTransport
	}
	return base.RoundTrip(req)
}
