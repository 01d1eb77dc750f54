using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Catalogue.Web.Tests.Infrastructure;

/// <summary>The app's localizer over its compiled resources, as the pages use it, read in a language of the test's choosing.</summary>
public static class AppLocalizer
{
    private static readonly IStringLocalizer Localizer =
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance)
            .Create(typeof(SharedResource));

    /// <summary>Runs <paramref name="read"/> with the pages' language set to <paramref name="language"/>, then sets it back.</summary>
    public static T In<T>(string language, Func<IStringLocalizer, T> read)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(language);
        try
        {
            return read(Localizer);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
