using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Catalogue.Web.Infrastructure;

/// <summary>
/// Binds numbers with a fractional part (weights, dimensions, levels) the one way every page writes them: a point
/// before the decimals and no thousands separators, as a browser's number field sends them. A comma alone is taken for
/// the decimal separator on a French or Vietnamese page, where people write 12,5; on an English page it is refused,
/// since "1,250" there means one thousand two hundred and fifty. The framework read the comma as a thousands separator
/// in every language and saved 12,5 as 125 without a word.
/// </summary>
public sealed class NumberModelBinder : PostedTextBinder
{
    private const NumberStyles Plain = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    protected override void Bind(ModelBindingContext bindingContext, string text)
    {
        if (Read(text, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, bindingContext.ModelMetadata.UnderlyingOrModelType) is { } value)
        {
            Bound(bindingContext, value);
            return;
        }

        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
            $"{FieldNames.Of(bindingContext.ModelMetadata)} must be a number written with a point before the decimals and no thousands separators, such as 1250 or 12.5 ('{Catalogue.Core.Common.Text.Shown(text, 40)}' is not).");
    }

    /// <summary>The number <paramref name="text"/> says on a page in <paramref name="language"/>, or null.</summary>
    internal static object? Read(string text, string language, Type type)
    {
        if (text.Contains(',', StringComparison.Ordinal))
        {
            if (language == "en" || text.Count(c => c == ',') > 1 || text.Contains('.', StringComparison.Ordinal))
                return null;
            text = text.Replace(',', '.');
        }

        if (type == typeof(decimal))
            return decimal.TryParse(text, Plain, CultureInfo.InvariantCulture, out var m) ? m : null;
        if (type == typeof(double))
            return double.TryParse(text, Plain, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;
        return float.TryParse(text, Plain, CultureInfo.InvariantCulture, out var f) && float.IsFinite(f) ? f : null;
    }

    public sealed class Provider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            context.Metadata.UnderlyingOrModelType is var type && (type == typeof(decimal) || type == typeof(double) || type == typeof(float))
                ? new NumberModelBinder()
                : null;
    }
}
