namespace Catalogue.Core;

/// <summary>Settings bound from the <c>Catalogue</c> configuration section.</summary>
public sealed class CatalogueOptions
{
    public const string SectionName = "Catalogue";

    /// <summary>The one folder that holds the database, the search index and the media store.</summary>
    public string DataDirectory { get; set; } = DefaultDataDirectory();

    /// <summary>Load the sample dataset on start when the catalogue is empty.</summary>
    public bool LoadSampleData { get; set; } = true;

    /// <summary>Where the sample dataset lives; defaults to <c>samples/</c> beside the application.</summary>
    public string? SamplesDirectory { get; set; }

    /// <summary>
    /// The institution's time zone, an IANA id such as <c>Asia/Ho_Chi_Minh</c> or <c>Europe/Paris</c>: records are
    /// dated by the day it is there (<see cref="Common.InstitutionCalendar"/>). Unset, the server's own zone.
    /// </summary>
    public string? TimeZone { get; set; }

    public string DatabasePath => Path.Combine(DataDirectory, "catalogue.db");

    /// <summary>The zone named <paramref name="id"/> (the server's own when empty), or null when this machine does not know it.</summary>
    public static TimeZoneInfo? FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
            return TimeZoneInfo.Local;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    public static string UnknownZone(string? id) =>
        $"Catalogue:TimeZone '{id}' is not a time zone this machine knows: give an IANA id such as Asia/Ho_Chi_Minh or Europe/Paris (on Debian, the zones come with the tzdata package).";

    public string ResolvedSamplesDirectory => SamplesDirectory ?? Path.Combine(AppContext.BaseDirectory, "samples");

    /// <summary>The per-user application data folder, shared by the web app and the command line.</summary>
    public static string DefaultDataDirectory() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "Catalogue");
}

/// <summary>Refuses, when the app starts, settings it could not work with, saying which and why.</summary>
internal sealed class CatalogueOptionsValidation : Microsoft.Extensions.Options.IValidateOptions<CatalogueOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, CatalogueOptions options) =>
        CatalogueOptions.FindZone(options.TimeZone) is null
            ? Microsoft.Extensions.Options.ValidateOptionsResult.Fail(CatalogueOptions.UnknownZone(options.TimeZone))
            : Microsoft.Extensions.Options.ValidateOptionsResult.Success;
}
