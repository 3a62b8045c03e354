package org.rentrecovery.workbench;

import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * The workbench's pages are static resources under /workbench/ (built by src/main/webui into
 * META-INF/resources); this sends the bare /workbench address a person types to its first page.
 */
public class WorkbenchEntry {

    void route(@Observes Router router) {
        router.get("/workbench").handler(context -> {
            if ("/workbench".equals(context.request().path())) {
                context.redirect("/workbench/");
            } else {
                context.next();
            }
        });
    }
}
