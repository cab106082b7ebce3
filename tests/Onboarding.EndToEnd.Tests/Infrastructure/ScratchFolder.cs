namespace Onboarding.EndToEnd.Tests.Infrastructure;

/// <summary>A temp folder for files a test hands to a Node script, deleted with everything in it on dispose.</summary>
internal sealed class ScratchFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("onboarding-e2e-").FullName;

    /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> in the folder and returns the file's path.</summary>
    public async Task<string> WriteAsync(string name, string text)
    {
        var file = System.IO.Path.Combine(Path, name);
        await File.WriteAllTextAsync(file, text);
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Only a temp folder is left behind.
        }
    }
}
