package dev.vmodb.samples.baseline.seller;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.vmodb.samples.baseline.messaging.Inserts;
import dev.vmodb.samples.marketplace.seller.Seller;

/** The {@link Seller} rows of the seller service. */
public interface SellerRepository extends JpaRepository<Seller, Long>, Inserts<Seller> {

}
