namespace Onboarding.Bot.Slack.Signing;

/// <summary>The raw body of a request whose Slack signature has been checked; endpoints read only this, never the unverified stream.</summary>
public sealed record VerifiedSlackRequest(byte[] Body);
