package dev.vmodb.jpa.repository.sample;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;

import dev.vmodb.jpa.repository.VmsRepository;

/**
 * One derived query per supported shape, over {@link ShopOrder}.
 */
public interface ShopOrderRepository extends VmsRepository<ShopOrder, Long> {

	// access paths

	List<ShopOrder> findBySellerId(long sellerId);

	List<ShopOrder> findByCustomerId(int customerId);

	List<ShopOrder> findBySellerIdAndStatus(Long sellerId, OrderStatus status);

	List<ShopOrder> findByStatusAndSellerId(OrderStatus status, int sellerId);

	List<ShopOrder> findBySellerIdAndQuantityGreaterThan(Long sellerId, int quantity);

	Optional<ShopOrder> findByIdAndSellerId(Long id, Long sellerId);

	ShopOrder readById(long id);

	List<ShopOrder> findBySellerIdOrCustomerId(Long sellerId, Long customerId);

	List<ShopOrder> findBySellerIdAndStatusOrSellerIdAndExpressTrue(Long sellerId, OrderStatus status,
			Long otherSellerId);

	// keywords

	List<ShopOrder> findByStatusNot(OrderStatus status);

	List<ShopOrder> findByPrice(BigDecimal price);

	List<ShopOrder> findByPriceBetween(BigDecimal low, BigDecimal high);

	List<ShopOrder> findByPriceGreaterThanEqualAndQuantityLessThan(BigDecimal price, int quantity);

	List<ShopOrder> findByQuantityLessThanEqual(int quantity);

	List<ShopOrder> findByQuantityGreaterThan(long quantity);

	List<ShopOrder> findByCreatedOnBefore(LocalDate date);

	List<ShopOrder> findByCreatedOnAfter(LocalDate date);

	List<ShopOrder> findByStatusIn(Collection<OrderStatus> statuses);

	List<ShopOrder> findBySellerIdNotIn(List<Long> sellerIds);

	List<ShopOrder> findByIdIn(Set<Integer> ids);

	List<ShopOrder> findByNoteIsNull();

	List<ShopOrder> findByNoteIsNotNull();

	List<ShopOrder> findByExpressTrue();

	List<ShopOrder> findByExpressFalse();

	List<ShopOrder> findByNoteLike(String pattern);

	List<ShopOrder> findByNoteNotLike(String pattern);

	List<ShopOrder> findByNoteStartingWith(String prefix);

	List<ShopOrder> findByNoteEndingWith(String suffix);

	List<ShopOrder> findByNoteContaining(String part);

	List<ShopOrder> findByNoteContainingIgnoreCase(String part);

	List<ShopOrder> findByNoteNotContaining(String part);

	List<ShopOrder> findByNoteIgnoreCase(String note);

	List<ShopOrder> findByNoteStartingWithAllIgnoreCase(String prefix);

	// ordering and limiting

	List<ShopOrder> findBySellerIdOrderByPriceDesc(Long sellerId);

	List<ShopOrder> findByStatusOrderByCreatedOnAscPriceDesc(OrderStatus status);

	Optional<ShopOrder> findFirstBySellerIdOrderByPriceDesc(Long sellerId);

	List<ShopOrder> findTop5ByStatusOrderByCreatedOnAsc(OrderStatus status);

	ShopOrder findTopByOrderByPriceDescIdDesc();

	List<ShopOrder> findAllBySellerId(Long sellerId, Sort sort);

	Page<ShopOrder> findByStatus(OrderStatus status, Pageable pageable);

	Page<ShopOrder> findTop30ByStatusOrderByPriceAsc(OrderStatus status, Pageable pageable);

	Slice<ShopOrder> readByExpress(boolean express, Pageable pageable);

	List<ShopOrder> findByCustomerIdLessThan(Long customerId, Limit limit);

	List<ShopOrder> queryBySellerId(Long sellerId, Pageable pageable);

	// return types

	Stream<ShopOrder> streamBySellerId(Long sellerId);

	Iterable<ShopOrder> getByStatus(OrderStatus status);

	ShopOrder getBySellerIdAndCustomerId(Long sellerId, Long customerId);

	long countBySellerId(Long sellerId);

	int countByStatus(OrderStatus status);

	long countBySellerIdOrCustomerId(Long sellerId, Long customerId);

	boolean existsBySellerIdAndStatus(Long sellerId, OrderStatus status);

	boolean existsByNote(String note);

	// deletes (inside handlers)

	long deleteBySellerId(Long sellerId);

	List<ShopOrder> removeByStatus(OrderStatus status);

	void deleteByCustomerId(Long customerId);

}
