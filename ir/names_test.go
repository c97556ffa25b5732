package ir

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWords(t *testing.T) {
	for in, want := range map[string][]string{
		"deviceId":                         {"device", "Id"},
		"EAPConfiguration":                 {"EAP", "Configuration"},
		"macOSPkcsCertificateProfile":      {"mac", "OS", "Pkcs", "Certificate", "Profile"},
		"windows10PkcsCertificateProfile":  {"windows10", "Pkcs", "Certificate", "Profile"},
		"o365ProPlusRetail":                {"o365", "Pro", "Plus", "Retail"},
		"sha_256_128":                      {"sha", "256", "128"},
		"Intune_EDU":                       {"Intune", "EDU"},
		"id | userPrincipalName":           {"id", "user", "Principal", "Name"},
		"@odata.nextLink":                  {"odata", "next", "Link"},
		"名前":                               {"名前"},
		"":                                 nil,
		"IOSEnabled":                       {"IOS", "Enabled"},
		"iOSEnabled":                       {"i", "OS", "Enabled"},
		"3des":                             {"3des"},
		"microsoft.graph.iosVppApp":        {"microsoft", "graph", "ios", "Vpp", "App"},
		"AppleIDDisabled":                  {"Apple", "ID", "Disabled"},
		"roleScopeTagIds":                  {"role", "Scope", "Tag", "Ids"},
		"enableHttpProxyAutoConfiguration": {"enable", "Http", "Proxy", "Auto", "Configuration"},
	} {
		assert.Equal(t, want, Words(in), in)
	}
}

// TestGoIdent: every word of the initialism table is written in capitals
// wherever it stands, its plural with a lower-case s; other words keep
// their documented case.
func TestGoIdent(t *testing.T) {
	for in, want := range map[string]string{
		"deviceId":                       "DeviceID",
		"appleIdDisabled":                "AppleIDDisabled",
		"ipAddress":                      "IPAddress",
		"payloadJson":                    "PayloadJSON",
		"roleScopeTagIds":                "RoleScopeTagIDs",
		"azureStorageUriRequestSuccess":  "AzureStorageURIRequestSuccess",
		"enableHttpProxy":                "EnableHTTPProxy",
		"validateXml":                    "ValidateXML",
		"minimumCpuSpeedNotMet":          "MinimumCPUSpeedNotMet",
		"allowedIps":                     "AllowedIPs",
		"utf8Name":                       "UTF8Name",
		"id":                             "ID",
		"identity":                       "Identity",
		"macOSPkcsCertificateProfile":    "MacOSPkcsCertificateProfile",
		"windowsWifiEnterpriseEAP":       "WindowsWifiEnterpriseEAP",
		"iosManagedAppProtection":        "IosManagedAppProtection",
		"sha_256_128":                    "Sha256_128",
		"Intune_EDU":                     "IntuneEDU",
		"foo-bar baz":                    "FooBarBaz",
		"1abc":                           "X1abc",
		"123":                            "X123",
		"@@":                             "X",
		"":                               "X",
		"名前":                             "X名前",
		"ĳssel":                          "Ĳssel",
		"windows10EnrollmentCompletion":  "Windows10EnrollmentCompletion",
		"kioskModeBlockAutoLock":         "KioskModeBlockAutoLock",
		"tsConfig":                       "TSConfig",
		"ui":                             "UI",
		"guid":                           "GUID",
		"certificateValidityPeriodScale": "CertificateValidityPeriodScale",
	} {
		assert.Equal(t, want, GoIdent(in), in)
	}
}

func TestGoLocal(t *testing.T) {
	for in, want := range map[string]string{
		"mobileAppId":             "mobileAppID",
		"id":                      "id",
		"ID":                      "id",
		"ids":                     "ids",
		"urlId":                   "urlID",
		"IOSEnabled":              "iosEnabled",
		"id or userPrincipalName": "idOrUserPrincipalName",
		"1st":                     "x1st",
	} {
		assert.Equal(t, want, goLocal(in), in)
	}
}

// resolveOps resolves one page holding ops, whose bodies are a thing.
func resolveOps(t *testing.T, ops ...Operation) *Spec {
	t.Helper()
	thing := Type{Name: "microsoft.graph.thing", Kind: KindEntity, Properties: []Property{{Name: "size", Type: TypeRef{Name: "Edm.Int32"}}}}
	for i := range ops {
		ops[i].Body, ops[i].BodyProperties = TypeRef{Name: thing.Name}, []string{"size"}
		ops[i].Pos = Pos{File: "p.md", Line: i + 1}
		for j, p := range ops[i].Paths {
			if p.Params == nil {
				ops[i].Paths[j].Params = templateParams(p.Template)
			}
		}
	}
	spec, diags := Resolve([]Page{{File: "p.md", Kind: PageAPI, Namespace: "microsoft.graph",
		Types: []Type{thing}, Operations: ops}}, ResolveOptions{ParamReserved: []string{"ctx", "body"}})
	require.False(t, diags.HasErrors(), "%v", diags)
	for _, d := range diags {
		assert.NotEqual(t, "name-collision", d.Code, "%v", d)
	}
	return spec
}

func templateParams(tmpl string) []string {
	var out []string
	for rest := tmpl; ; {
		i := strings.IndexByte(rest, '{')
		j := strings.IndexByte(rest, '}')
		if i < 0 || j < i {
			return out
		}
		out = append(out, rest[i+1:j])
		rest = rest[j+1:]
	}
}

func paths(templates ...string) []Path {
	var out []Path
	for _, t := range templates {
		out = append(out, Path{Template: t})
	}
	return out
}

func pathGoNames(o Operation) []string {
	var out []string
	for _, p := range o.Paths {
		out = append(out, p.GoName)
	}
	return out
}

// TestOperationNames: an operation is named after its verb and entity; an
// action or function after its name and the entity it is bound to.
func TestOperationNames(t *testing.T) {
	for _, c := range []struct{ title, path, want string }{
		{"Update mobileThreatDefenseConnector", "/deviceManagement/mobileThreatDefenseConnectors/{mobileThreatDefenseConnectorId}", "UpdateMobileThreatDefenseConnector"},
		{"List managedDevices", "/deviceManagement/managedDevices", "ListManagedDevices"},
		{"get ipNamedLocation", "/identity/conditionalAccess/namedLocations/{id}", "GetIPNamedLocation"},
		{"assign action", "/deviceAppManagement/mobileApps/{mobileAppId}/assign", "AssignMobileApp"},
		{"Device management configuration policy assign action", "/deviceManagement/configurationPolicies/{deviceManagementConfigurationPolicyId}/assign", "AssignDeviceManagementConfigurationPolicy"},
		{"createToken action", "/deviceManagement/androidDeviceOwnerEnrollmentProfiles/{androidDeviceOwnerEnrollmentProfileId}/createToken", "CreateTokenForAndroidDeviceOwnerEnrollmentProfile"},
		{"hasPayloadLinks action", "/deviceAppManagement/mobileApps/hasPayloadLinks", "HasPayloadLinksForMobileApps"},
		{"getMobileAppCount function", "/deviceAppManagement/mobileApps/getMobileAppCount(status='{status}')", "GetMobileAppCount"},
		{"revokeAllLicenses action", "/deviceAppManagement/mobileApps/{mobileAppId}/microsoft.graph.iosVppApp/revokeAllLicenses", "RevokeAllLicensesForIosVppApp"},
		{"wipe action", "/users/{id}/managedDevices/{id}/wipe", "WipeManagedDevice"},
		{"widget: polish", "/users/{id | userPrincipalName}/widgets/{widgetId}/polish", "PolishWidget"},
		{"user: sendMail", "/me/sendMail", "SendMailForUser"},
		{"group: delta", "/groups/delta", "DeltaGroup"},
		{"application: addPassword", "/applications/{id}/addPassword", "AddPasswordForApplication"},
		{"validateXml action", "/deviceAppManagement/mobileApps/validateXml", "ValidateXMLForMobileApps"},
		{"sync action", "/sync", "Sync"},
		// Too long with the whole entity for Handle<Op> to stay within 80.
		{"setAndroidDeviceOwnerFullyManagedEnrollmentState action", "/deviceManagement/androidManagedStoreAccountEnterpriseSettings/setAndroidDeviceOwnerFullyManagedEnrollmentState", "SetAndroidDeviceOwnerFullyManagedEnrollmentStateForEnterpriseSettings"},
		{"Poke the thing", "/things/{id}/poke", "PokeTheThing"},
	} {
		spec := resolveOps(t, Operation{Name: c.title, Method: "POST", Paths: paths(c.path)})
		assert.Equal(t, c.want, spec.Operations[0].GoName, c.title)
	}
}

// TestPathNames: the first path carries the operation's name; the others
// add the fewest segments that tell them apart.
func TestPathNames(t *testing.T) {
	spec := resolveOps(t,
		Operation{Name: "Update event", Method: "PATCH", Paths: paths("/me/events/{id}", "/users/{id}/events/{eventId}", "/groups/{id}/events/{eventId}")},
		Operation{Name: "Update managedDeviceCertificateState", Method: "PATCH", Paths: paths(
			"/deviceManagement/deviceConfigurations/{deviceConfigurationId}/microsoft.graph.iosPkcsCertificateProfile/managedDeviceCertificateStates/{managedDeviceCertificateStateId}",
			"/deviceManagement/deviceConfigurations/{deviceConfigurationId}/identityCertificate/microsoft.graph.androidForWorkPkcsCertificateProfile/managedDeviceCertificateStates/{managedDeviceCertificateStateId}",
			"/deviceManagement/deviceConfigurations/{deviceConfigurationId}/microsoft.graph.macOSWiredNetworkConfiguration/identityCertificateForClientAuthentication/microsoft.graph.macOSPkcsCertificateProfile/managedDeviceCertificateStates/{managedDeviceCertificateStateId}",
		)},
		Operation{Name: "Update deviceConfigurationGroupAssignment", Method: "PATCH", Paths: paths(
			"/deviceManagement/deviceConfigurations/{deviceConfigurationId}/groupAssignments/{deviceConfigurationGroupAssignmentId}",
			"/deviceManagement/deviceConfigurations/{deviceConfigurationId}/rootCertificate/groupAssignments/{deviceConfigurationGroupAssignmentId}",
			"/deviceManagement/deviceConfigurations/{deviceConfigurationId}/identityCertificate/groupAssignments/{deviceConfigurationGroupAssignmentId}",
			"/deviceManagement/deviceConfigurations/{deviceConfigurationId}/identityCertificate/rootCertificate/groupAssignments/{deviceConfigurationGroupAssignmentId}",
			"/deviceManagement/deviceConfigurations/{deviceConfigurationId}/microsoft.graph.windowsWifiEnterpriseEAPConfiguration/identityCertificateForClientAuthentication/groupAssignments/{deviceConfigurationGroupAssignmentId}",
			"/deviceManagement/deviceConfigurations/{deviceConfigurationId}/microsoft.graph.windowsWifiEnterpriseEAPConfiguration/rootCertificatesForServerValidation/{windows81TrustedRootCertificateId}/groupAssignments/{deviceConfigurationGroupAssignmentId}",
			"/deviceManagement/deviceConfigurations/{deviceConfigurationId}/microsoft.graph.macOSWiredNetworkConfiguration/identityCertificateForClientAuthentication/groupAssignments/{deviceConfigurationGroupAssignmentId}",
		)},
		Operation{Name: "Update deviceManagementConfigurationSimpleSettingCollectionDefinition", Method: "PATCH", Paths: paths(
			"/deviceManagement/reusableSettings/{deviceManagementConfigurationSettingDefinitionId}",
			"/deviceManagement/configurationSettings/{deviceManagementConfigurationSettingDefinitionId}",
			"/deviceManagement/configurationPolicies/{deviceManagementConfigurationPolicyId}/settings/{deviceManagementConfigurationSettingId}/settingDefinitions/{deviceManagementConfigurationSettingDefinitionId}",
		)},
	)
	byOp := map[string][]string{}
	for _, o := range spec.Operations {
		byOp[o.Name] = pathGoNames(o)
	}
	assert.Equal(t, []string{"UpdateEvent", "UpdateEventViaUsers", "UpdateEventViaGroups"}, byOp["Update event"])
	assert.Equal(t, []string{
		"UpdateManagedDeviceCertificateState",
		"UpdateManagedDeviceCertificateStateViaIdentityCertificate",
		"UpdateManagedDeviceCertificateStateViaMacOSPkcsCertificateProfile",
	}, byOp["Update managedDeviceCertificateState"])
	assert.Equal(t, []string{
		"UpdateDeviceConfigurationGroupAssignment",
		"UpdateDeviceConfigurationGroupAssignmentViaRootCertificate",
		"UpdateDeviceConfigurationGroupAssignmentViaIdentityCertificate",
		"UpdateDeviceConfigurationGroupAssignmentViaIdentityCertificateRootCertificate",
		// Too long in full (...ViaWindowsWifiEnterpriseEAPConfigurationIdentityCertificateForClientAuthentication):
		// the segments are cut to the words that tell the paths apart.
		"UpdateDeviceConfigurationGroupAssignmentViaWindowsIdentity",
		"UpdateDeviceConfigurationGroupAssignmentViaRootCertificatesForServerValidation",
		"UpdateDeviceConfigurationGroupAssignmentViaMacOSWiredNetworkConfiguration",
	}, byOp["Update deviceConfigurationGroupAssignment"])
	assert.Equal(t, []string{
		"UpdateDeviceManagementConfigurationSimpleSettingCollectionDefinition",
		// Still too long: the entity's leading words go.
		"UpdateConfigurationSimpleSettingCollectionDefinitionViaConfigurationSettings",
		"UpdateDeviceManagementConfigurationSimpleSettingCollectionDefinitionViaSettings",
	}, byOp["Update deviceManagementConfigurationSimpleSettingCollectionDefinition"])
	for _, o := range spec.Operations {
		for _, p := range o.Paths {
			assert.LessOrEqual(t, len(p.GoName), MaxComposedName, p.GoName)
		}
	}
}

// TestRepeatedPathParamNames: a path that uses one parameter name twice
// names each Go parameter after the collection it keys instead of id,
// id_2; distinct names are kept as documented; a name taken by the
// request functions gets an underscore.
func TestRepeatedPathParamNames(t *testing.T) {
	spec := resolveOps(t, Operation{Name: "Update thing", Method: "PATCH", Paths: []Path{
		{Template: "/users/{id}/things/{id}", Params: []string{"id", "id"}},
		{Template: "/groups/{groupId}/things/{thingId}", Params: []string{"groupId", "thingId"}},
		{Template: "/things(id='{id}')/parts/{id}", Params: []string{"id", "id"}},
		{Template: "/conditions/{conditionId}/statements/{statementId}/conditions/{conditionId}"},
		{Template: "/people/{id | userPrincipalName}/things/{body}"},
		{Template: "/members/{ctx}/things/{type}"},
	}})
	var got [][]string
	for _, p := range spec.Operations[0].Paths {
		got = append(got, p.ParamGoNames)
	}
	assert.Equal(t, [][]string{
		{"usersID", "thingsID"},
		{"groupID", "thingID"},
		{"thingsID", "partsID"},
		{"conditionID", "statementID", "statementsConditionID"},
		{"idOrUserPrincipalName", "body_"},
		{"ctx_", "type_"},
	}, got)
}

func TestParamSegments(t *testing.T) {
	assert.Equal(t, []string{"users", "things"}, paramSegments("/users/{id}/things/{id}"))
	assert.Equal(t, []string{"things", "parts"}, paramSegments("/things(id='{id}')/parts/{id}"))
	assert.Equal(t, []string{""}, paramSegments("{id}"))
	assert.Empty(t, paramSegments("/things"))
	assert.Equal(t, []string{"a"}, paramSegments("/a/{unclosed"))
}

func TestTypeGoName(t *testing.T) {
	for in, want := range map[string]string{
		"microsoft.graph.user":                         "User",
		"microsoft.graph.security.incident":            "SecurityIncident",
		"microsoft.graph.callRecords.session":          "CallRecordsSession",
		"microsoft.graph.identityGovernance.workflow":  "IdentityGovernanceWorkflow",
		"microsoft.graph.termStore.set":                "TermStoreSet",
		"microsoft.management.services.api.thing":      "ManagementServicesAPIThing",
		"microsoft.graph.externalConnectors.acl":       "ExternalConnectorsACL",
		"microsoft.graph.security.ediscoveryCase":      "SecurityEdiscoveryCase",
		"microsoft.graph.windowsUpdates.deploymentSet": "WindowsUpdatesDeploymentSet",
	} {
		assert.Equal(t, want, TypeGoName(in), in)
	}
}
