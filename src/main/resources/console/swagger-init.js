// Swagger UI on the engine's own OpenAPI description; "Try it out" needs the API token (Authorize).
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
});
