package com.luckygas.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The platform's OpenAPI document (issue 20) is served by this service without a token — as
 * JSON, as YAML, unchanged for a client that has it — with Swagger UI for it, and it is the whole
 * platform's: every service's paths, one bearer scheme, the Problem schema.
 */
@QuarkusTest
class PlatformApiTest {

    @Test
    void theWholePlatformsDocumentIsServedAsJsonAndYaml() {
        String etag = given().get("/api/openapi").then().statusCode(200).contentType(containsString("application/json"))
                .body("info.title", equalTo("Lucky Gas platform API"))
                .body("paths", hasKey("/api/auth/login"))
                .body("paths", hasKey("/api/customers/{id}"))
                .body("paths", hasKey("/api/cards/customers/{customerId}"))
                .body("paths", hasKey("/api/routes/plans"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("components.schemas.Problem.properties", hasKey("violations"))
                .body("paths.'/api/customers/{id}'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/CustomerView"))
                .extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/openapi").then().statusCode(304);
        given().queryParam("format", "yaml").get("/api/openapi").then().statusCode(200)
                .contentType(containsString("application/yaml")).body(startsWith("openapi: 3.1"));
        given().get("/api/openapi.yaml").then().statusCode(200).body(containsString("title: Lucky Gas platform API"));
        given().queryParam("format", "xml").get("/api/openapi").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("format"));
    }

    @Test
    void swaggerUiShowsIt() {
        given().redirects().follow(false).get("/api/docs").then().statusCode(302).header("Location", containsString("/api/docs/"));
        given().get("/api/docs/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("swagger-ui")).body(containsString("/api/openapi"));
    }
}
