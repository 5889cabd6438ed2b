package org.polylogue.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.springframework.boot.test.web.server.LocalServerPort;

@PolylogueTest
class BearerTokenWebTest {

    /** More than the connection pool of the tests (8). */
    private static final int PEOPLE = 24;

    @LocalServerPort
    int port;

    @Test
    void manyPeopleUsingTheirNewTokensAtTheSameMomentAreAllServed() throws Exception {
        var api = new TestApi(port);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            tokens.add(api.registerAndSignIn("Person " + i));
        }
        var start = new CountDownLatch(1);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (String token : tokens) {
                statuses.add(executor.submit(() -> {
                    start.await();
                    return api.get("/api/v1/accounts/me", token).status();
                }));
            }
            start.countDown();
            for (var status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        }
    }
}
