using Catalogue.Cli;
using Spectre.Console;

return await CliApplication.RunAsync(args, Console.In, AnsiConsole.Console, Console.IsInputRedirected);
