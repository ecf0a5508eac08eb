package com.balcao.provisioner.cli;

import com.balcao.provisioner.tenant.Tenant;
import picocli.CommandLine.Parameters;

/** A verb about one existing tenant. */
abstract class SlugVerb extends Verb {
    @Parameters(index = "0", paramLabel = "SLUG")
    String slug;

    Tenant tenant() {
        return registry().get(slug);
    }
}
