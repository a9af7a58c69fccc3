using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using OrgFunctions;

// The isolated worker (Functions 2.x, ASP.NET Core integration). In Azure and under `func start` the
// Functions host starts this process. Where Core Tools can't be installed, src/OrgFunctions.LocalHost hosts the
// same functions with the same AddOrgFunctions registrations instead.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// Inside the ASP.NET Core integration's own middleware, so a 500 problem+json it writes reaches the client.
builder.UseOrgFunctionsMiddleware();
builder.Services.AddOrgFunctions(builder.Configuration);
builder.Build().Run();
