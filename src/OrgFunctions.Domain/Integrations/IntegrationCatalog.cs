namespace OrgFunctions.Domain.Integrations;

/// <summary>
/// The services an org can connect (<c>GET /api/integration-types</c>). Each type's settings are what the platform needs
/// to reach the service and are not secret; what would let someone act as the org there (keys, tokens, signing secrets)
/// is a secret: write-only, stored encrypted.
/// </summary>
public static class IntegrationCatalog
{
    public static readonly IntegrationType Dialogflow = new("dialogflow", "Dialogflow CX agent",
        "A Google Dialogflow CX agent that answers conversations (a bot step hands the conversation to it).",
        """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "Dialogflow CX agent",
          "type": "object",
          "properties": {
            "projectId": { "type": "string", "pattern": "^[a-z][a-z0-9-]{4,28}[a-z0-9]$", "description": "The Google Cloud project that holds the agent." },
            "location": { "type": "string", "pattern": "^(global|[a-z]+-[a-z]+[0-9]{1,2})$", "default": "global", "description": "The agent's region: global, europe-west2, us-central1, ..." },
            "agentId": { "type": "string", "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", "description": "The agent's id (a UUID, from its resource name)." },
            "languageCode": { "type": "string", "pattern": "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", "default": "en", "description": "The language the agent is spoken to in (BCP 47)." }
          },
          "required": ["projectId", "agentId"],
          "additionalProperties": false
        }
        """,
        [new("serviceAccountKey", Required: true, "The JSON key of a Google service account with the Dialogflow API Client role.")]);

    public static readonly IntegrationType Typeform = new("typeform", "Typeform form",
        "A Typeform form whose responses start or continue conversations.",
        """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "Typeform form",
          "type": "object",
          "properties": {
            "formId": { "type": "string", "pattern": "^[A-Za-z0-9]{4,32}$", "description": "The form's id (the last part of its share URL)." },
            "region": { "enum": ["us", "eu"], "default": "us", "description": "Where the Typeform account's data lives: us (api.typeform.com) or eu (api.eu.typeform.com)." }
          },
          "required": ["formId"],
          "additionalProperties": false
        }
        """,
        [
            new("personalAccessToken", Required: true, "A Typeform personal access token with the forms:read and responses:read scopes."),
            new("webhookSecret", Required: false, "The secret Typeform signs its webhook calls with (Typeform-Signature), if the form's webhook has one."),
        ]);

    public static readonly IntegrationType Zendesk = new("zendesk", "Zendesk Support",
        "A Zendesk Support account that conversations can raise and update tickets in.",
        """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "Zendesk Support",
          "type": "object",
          "properties": {
            "subdomain": { "type": "string", "pattern": "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", "description": "The account's subdomain: acme for acme.zendesk.com." },
            "agentEmail": { "type": "string", "format": "email", "maxLength": 254, "description": "The agent the API token belongs to (token authentication is {email}/token)." },
            "defaultGroupId": { "type": "integer", "minimum": 1, "description": "The group new tickets are assigned to; the account's default group when absent." },
            "tags": { "type": "array", "items": { "type": "string", "pattern": "^[a-z0-9_:-]{1,80}$" }, "maxItems": 20, "uniqueItems": true, "description": "Tags added to every ticket raised." }
          },
          "required": ["subdomain", "agentEmail"],
          "additionalProperties": false
        }
        """,
        [new("apiToken", Required: true, "A Zendesk API token (Admin Center, Apps and integrations, Zendesk API).")]);

    public static readonly IntegrationType Https = new("https", "HTTPS service",
        "Any service that takes the platform's calls as HTTPS requests, webhook-style: a JSON body, signed when a signing secret is set.",
        """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "HTTPS service",
          "type": "object",
          "properties": {
            "url": { "type": "string", "format": "uri", "maxLength": 2048, "description": "Where requests go: https, and every address the host resolves to public." },
            "method": { "enum": ["POST", "PUT"], "default": "POST", "description": "The HTTP method of each request." },
            "timeoutSeconds": { "type": "integer", "minimum": 1, "maximum": 30, "default": 10, "description": "How long a request may take." }
          },
          "required": ["url"],
          "additionalProperties": false
        }
        """,
        [
            new("bearerToken", Required: false, "Sent as Authorization: Bearer <token> with every request."),
            new("signingSecret", Required: false, "Signs each request as webhooks are signed (Standard Webhooks, webhook-signature)."),
        ]);

    public static readonly IReadOnlyList<IntegrationType> All = [Dialogflow, Typeform, Zendesk, Https];

    public static IntegrationType? Find(string name) => All.FirstOrDefault(t => t.Name == name);

    public static IReadOnlyList<string> Names => All.Select(t => t.Name).ToList();
}
