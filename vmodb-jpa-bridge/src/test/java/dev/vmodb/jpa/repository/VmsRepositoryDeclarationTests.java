package dev.vmodb.jpa.repository;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.data.repository.core.RepositoryCreationException;

import dev.vmodb.jpa.repository.sample.OrderStatus;
import dev.vmodb.jpa.repository.sample.ShopOrder;
import dev.vmodb.jpa.repository.sample.StockItem;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Query methods the store cannot answer fail when the repository is created, naming the repository and method.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VmsRepositoryDeclarationTests {

	private ShopFixture shop;

	private VmsRepositoryFactory factory;

	@BeforeAll
	void createShop() {
		this.shop = ShopFixture.create();
		this.factory = new VmsRepositoryFactory(this.shop.catalog);
	}

	@AfterAll
	void close() {
		this.shop.close();
	}

	@Test
	void unknownPropertyIsNamed() {
		assertFailsNaming(UnknownProperty.class, "findByColour", "'colour'");
	}

	@Test
	void unsupportedKeywordIsNamed() {
		assertFailsNaming(RegexKeyword.class, "findByNoteMatches", "keyword Matches", "supported keywords");
		assertFailsNaming(EmptyKeyword.class, "findByNoteIsEmpty", "keyword Empty", "supported keywords");
	}

	@Test
	void attributeWithoutColumnIsNamed() {
		assertFailsNaming(WholeEmbeddedId.class, "findByIdAndQtyAvailable", "'id'", "maps to no column",
				"findById_SellerId");
	}

	@Test
	void missingOrMistypedArgumentsAreNamed() {
		assertFailsNaming(MissingArgument.class, "findBySellerIdAndStatus", "needs 2 argument(s)", "declares 1");
		assertFailsNaming(WrongArgumentType.class, "findBySellerId", "String", "'sellerId' is Long");
		assertFailsNaming(InWithoutCollection.class, "findByStatusIn", "Collection or an array");
		assertFailsNaming(LikeOnNumber.class, "findBySellerIdStartingWith", "needs a String property");
		assertFailsNaming(IgnoreCaseOnNumber.class, "findByPriceIgnoreCase", "IgnoreCase needs a String property");
	}

	@Test
	void unsupportedReturnTypesAreNamed() {
		assertFailsNaming(Projection.class, "findBySellerId", "projections are not supported");
		assertFailsNaming(CountAsString.class, "countBySellerId", "count queries return long or int");
		assertFailsNaming(Scrolling.class, "findBySellerId", "scrolling");
		assertFailsNaming(PageWithoutPageable.class, "findBySellerId", "Pageable");
	}

	@Test
	void wrongIdTypeIsNamed() {
		assertThatThrownBy(() -> this.factory.getRepository(WrongIdType.class))
			.isInstanceOf(RepositoryCreationException.class)
			.hasMessageContaining(WrongIdType.class.getName())
			.hasMessageContaining("declares id type java.lang.String")
			.hasMessageContaining("VmsRepository<ShopOrder, Long>");
	}

	private void assertFailsNaming(Class<?> repository, String method, String... fragments) {
		assertThatThrownBy(() -> this.factory.getRepository(repository))
			.hasMessageContaining(repository.getName() + "." + method + "(")
			.hasMessageContaining("Cannot derive a query")
			.satisfies(ex -> {
				for (String fragment : fragments) {
					org.assertj.core.api.Assertions.assertThat(ex).hasMessageContaining(fragment);
				}
			});
	}

	interface UnknownProperty extends VmsRepository<ShopOrder, Long> {

		List<ShopOrder> findByColour(String colour);

	}

	interface RegexKeyword extends VmsRepository<ShopOrder, Long> {

		List<ShopOrder> findByNoteMatches(String regex);

	}

	interface EmptyKeyword extends VmsRepository<ShopOrder, Long> {

		List<ShopOrder> findByNoteIsEmpty();

	}

	interface WholeEmbeddedId extends VmsRepository<StockItem, dev.vmodb.jpa.repository.sample.StockId> {

		List<StockItem> findByIdAndQtyAvailable(dev.vmodb.jpa.repository.sample.StockId id, int qtyAvailable);

	}

	interface MissingArgument extends VmsRepository<ShopOrder, Long> {

		List<ShopOrder> findBySellerIdAndStatus(Long sellerId);

	}

	interface WrongArgumentType extends VmsRepository<ShopOrder, Long> {

		List<ShopOrder> findBySellerId(String sellerId);

	}

	interface InWithoutCollection extends VmsRepository<ShopOrder, Long> {

		List<ShopOrder> findByStatusIn(OrderStatus status);

	}

	interface LikeOnNumber extends VmsRepository<ShopOrder, Long> {

		List<ShopOrder> findBySellerIdStartingWith(String prefix);

	}

	interface IgnoreCaseOnNumber extends VmsRepository<ShopOrder, Long> {

		List<ShopOrder> findByPriceIgnoreCase(BigDecimal price);

	}

	interface Projection extends VmsRepository<ShopOrder, Long> {

		List<OrderView> findBySellerId(Long sellerId);

	}

	interface OrderView {

		Long getId();

	}

	interface CountAsString extends VmsRepository<ShopOrder, Long> {

		String countBySellerId(Long sellerId);

	}

	interface Scrolling extends VmsRepository<ShopOrder, Long> {

		Window<ShopOrder> findBySellerId(Long sellerId, ScrollPosition position);

	}

	interface PageWithoutPageable extends VmsRepository<ShopOrder, Long> {

		Page<ShopOrder> findBySellerId(Long sellerId);

	}

	interface WrongIdType extends VmsRepository<ShopOrder, String> {

		Optional<ShopOrder> findBySellerId(Long sellerId);

	}

}
