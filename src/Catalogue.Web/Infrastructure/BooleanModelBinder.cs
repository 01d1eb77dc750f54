using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Catalogue.Web.Infrastructure;

/// <summary>
/// Binds yes/no fields, refusing anything but true or false with a message naming the field. The framework's binder
/// keeps the refused text as the field's value, and a checkbox drawn again from "yes" throws: here the field is drawn
/// again unticked, with the message beside it.
/// </summary>
public sealed class BooleanModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var posted = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (posted == ValueProviderResult.None)
            return Task.CompletedTask;
        // A ticked checkbox posts "true" and then its hidden "false": the first value decides.
        var text = posted.FirstValue?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (bindingContext.ModelMetadata.IsReferenceOrNullableType)
                bindingContext.Result = ModelBindingResult.Success(null);
            return Task.CompletedTask;
        }

        if (bool.TryParse(text, out var value))
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, posted);
            bindingContext.Result = ModelBindingResult.Success(value);
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, new ValueProviderResult(bool.FalseString));
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, $"{FieldNames.Of(bindingContext.ModelMetadata)} must be true or false.");
        return Task.CompletedTask;
    }

    public sealed class Provider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            context.Metadata.UnderlyingOrModelType == typeof(bool) ? new BooleanModelBinder() : null;
    }
}
